#!/usr/bin/env node
// @ts-check
/**
 * Makes sure Debian's python3 can import Flask, before the unit tests run: they run the Flask code
 * the page shows and compare what it sends with the stream's bytes (lib/code/flask-code.run.test.ts).
 *
 * The Flask is Debian's `python3-flask` package, imported by /usr/bin/python3 (not a virtualenv or
 * pip's). When it is missing and we are root with apt-get, it is installed; otherwise this
 * explains what to do and fails.
 */
import { mayInstall, packageInstaller, versionOf } from './lib/debian-packages.mjs';

const PYTHON = '/usr/bin/python3';
const { say, fail, install, askToInstall } = packageInstaller('ensure-flask', 'no Flask for the unit tests.');

/** Prints Flask's version; false when /usr/bin/python3 cannot import it. */
function reportVersion() {
  const version = versionOf(PYTHON, ['-c', "import importlib.metadata as m; print(m.version('flask'))"]);
  if (version) say(`Flask ${version} (${PYTHON})`);
  return version !== null;
}

// 1. Already there: say which one, and go.
if (reportVersion()) process.exit(0);

// 2. Missing, and we may install it: Debian's package (it brings python3).
if (mayInstall()) {
  say(`${PYTHON} cannot import flask; installing Debian's python3-flask package.`);
  install(['python3-flask']);
  if (!reportVersion()) fail([`apt-get installed python3-flask, yet ${PYTHON} still cannot import flask.`]);
  process.exit(0);
}

// 3. Missing, and we may not install it: tell the person exactly what to do.
askToInstall(`${PYTHON} cannot import flask`, ['python3-flask']);
