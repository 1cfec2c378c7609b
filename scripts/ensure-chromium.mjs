#!/usr/bin/env node
/**
 * Makes sure the Chromium that Playwright launches is installed, before the e2e tests run.
 *
 * Playwright never downloads a browser here: the browser is Debian's `chromium` package, at
 * /usr/bin/chromium unless CHROMIUM_PATH says otherwise (playwright.config.ts reads the same
 * variable). When it is missing and we are root with apt-get, it is installed; otherwise this
 * explains what to do and fails.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const DEFAULT_PATH = '/usr/bin/chromium';
const customPath = process.env.CHROMIUM_PATH || undefined;
const chromiumPath = customPath ?? DEFAULT_PATH;

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Prints the browser's version; false when it does not run. */
function reportVersion() {
  // Debian's launcher script may warn on stderr (e.g. about /dev/shm); only stdout is the version.
  const result = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const version = result.stdout?.trim();
  if (result.status !== 0 || !version) {
    console.error(`ensure-chromium: ${chromiumPath} exists but \`${chromiumPath} --version\` failed.`);
    if (result.error) console.error(`  ${result.error.message}`);
    if (result.stderr?.trim()) console.error(result.stderr.trim());
    return false;
  }
  console.log(`ensure-chromium: ${version} (${chromiumPath})`);
  return true;
}

function fail(lines) {
  console.error(['ensure-chromium: no Chromium for the e2e tests.', ...lines].join('\n'));
  process.exit(1);
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));
}

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    fail([`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}).`]);
  }
}

// 1. Already there: say which one, and go.
if (isExecutable(chromiumPath)) {
  process.exit(reportVersion() ? 0 : 1);
}

// 2. A custom path that does not exist: installing Debian's package would not put a browser there.
if (customPath) {
  fail([
    `CHROMIUM_PATH is set to ${customPath}, which is not an executable file.`,
    `Point it at a Chromium binary, or unset it to use Debian's package at ${DEFAULT_PATH}.`,
  ]);
}

// 3. Missing, and we may install it: Debian's package, non-interactively.
if (process.getuid?.() === 0 && onPath('apt-get')) {
  console.log(`ensure-chromium: ${DEFAULT_PATH} is missing; installing Debian's chromium package.`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  if (!isExecutable(chromiumPath)) fail([`apt-get installed chromium, yet ${chromiumPath} is still missing.`]);
  process.exit(reportVersion() ? 0 : 1);
}

// 4. Missing, and we may not install it: tell the person exactly what to do.
fail([
  `${DEFAULT_PATH} does not exist, and this script can only install it as root with apt-get.`,
  "Install Debian's chromium package:",
  '',
  '    sudo apt-get update && sudo apt-get install -y chromium',
  '',
  'Playwright never downloads a browser in this project (`npx playwright install` is not used).',
  'To use a Chromium installed elsewhere, set CHROMIUM_PATH to its executable.',
]);
