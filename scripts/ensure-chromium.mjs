#!/usr/bin/env node
// @ts-check
/**
 * Makes sure the Chromium that Playwright launches is installed, before the e2e tests run.
 *
 * Playwright never downloads a browser here: the browser is Debian's `chromium` package, at
 * /usr/bin/chromium unless CHROMIUM_PATH says otherwise (playwright.config.ts reads the same
 * variable). When it is missing and we are root with apt-get, it is installed; otherwise this
 * explains what to do and fails.
 */
import { isExecutable, mayInstall, packageInstaller, versionOf } from './lib/debian-packages.mjs';

const DEFAULT_PATH = '/usr/bin/chromium';
const customPath = process.env.CHROMIUM_PATH || undefined;
const chromiumPath = customPath ?? DEFAULT_PATH;
const { say, fail, install, askToInstall } = packageInstaller('ensure-chromium', 'no Chromium for the e2e tests.');

/** Prints the browser's version; false when it does not run. */
function reportVersion() {
  // Debian's launcher script may warn on stderr (e.g. about /dev/shm); only stdout is the version.
  const version = versionOf(chromiumPath, ['--version'], { stderr: false });
  if (version) say(`${version} (${chromiumPath})`);
  else console.error(`ensure-chromium: ${chromiumPath} exists but \`${chromiumPath} --version\` failed.`);
  return version !== null;
}

// 1. Already there: say which one, and go.
if (isExecutable(chromiumPath)) process.exit(reportVersion() ? 0 : 1);

// 2. A custom path that does not exist: installing Debian's package would not put a browser there.
if (customPath) {
  fail([
    `CHROMIUM_PATH is set to ${customPath}, which is not an executable file.`,
    `Point it at a Chromium binary, or unset it to use Debian's package at ${DEFAULT_PATH}.`,
  ]);
}

// 3. Missing, and we may install it: Debian's package.
if (mayInstall()) {
  say(`${DEFAULT_PATH} is missing; installing Debian's chromium package.`);
  install(['chromium']);
  if (!isExecutable(chromiumPath)) fail([`apt-get installed chromium, yet ${chromiumPath} is still missing.`]);
  process.exit(reportVersion() ? 0 : 1);
}

// 4. Missing, and we may not install it: tell the person exactly what to do.
askToInstall(
  `${DEFAULT_PATH} does not exist`,
  ['chromium'],
  [
    '',
    'Playwright never downloads a browser in this project (`npx playwright install` is not used).',
    'To use a Chromium installed elsewhere, set CHROMIUM_PATH to its executable.',
  ],
);
