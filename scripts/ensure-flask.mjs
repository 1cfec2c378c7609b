#!/usr/bin/env node
/**
 * Makes sure Debian's python3 can import Flask, before the unit tests run: they run the Flask code
 * the page shows and compare what it sends with the stream's bytes (lib/code/flask-code.run.test.ts).
 *
 * The Flask is Debian's `python3-flask` package, imported by /usr/bin/python3 (not a virtualenv or
 * pip's). When it is missing and we are root with apt-get, it is installed; otherwise this
 * explains what to do and fails. Same shape as ensure-chromium.mjs.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PYTHON = '/usr/bin/python3';

/** Prints Flask's version; false when /usr/bin/python3 cannot import it. */
function reportVersion() {
  const result = spawnSync(PYTHON, ['-c', "import importlib.metadata as m; print(m.version('flask'))"], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const version = result.stdout?.trim();
  if (result.status !== 0 || !version) return false;
  console.log(`ensure-flask: Flask ${version} (${PYTHON})`);
  return true;
}

function fail(lines) {
  console.error(['ensure-flask: no Flask for the unit tests.', ...lines].join('\n'));
  process.exit(1);
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));
}

function run(command, args) {
  console.log(`ensure-flask: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    fail([`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}).`]);
  }
}

// 1. Already there: say which one, and go.
if (reportVersion()) process.exit(0);

// 2. Missing, and we may install it: Debian's package (it brings python3), non-interactively.
if (process.getuid?.() === 0 && onPath('apt-get')) {
  console.log(`ensure-flask: ${PYTHON} cannot import flask; installing Debian's python3-flask package.`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'python3-flask']);
  if (!reportVersion()) fail([`apt-get installed python3-flask, yet ${PYTHON} still cannot import flask.`]);
  process.exit(0);
}

// 3. Missing, and we may not install it: tell the person exactly what to do.
fail([
  `${PYTHON} cannot import flask, and this script can only install it as root with apt-get.`,
  "Install Debian's python3-flask package:",
  '',
  '    sudo apt-get update && sudo apt-get install -y python3-flask',
]);
