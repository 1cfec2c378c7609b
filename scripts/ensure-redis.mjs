#!/usr/bin/env node
/**
 * Makes sure Debian's redis-server and nginx are installed, before the tests run: the Redis room
 * hub's tests start a real redis-server on loopback (lib/server/room/testing/redis-test-server.ts), and
 * the tests of several instances behind one address put nginx in front of them.
 *
 * Both are Debian's packages, at /usr/bin/redis-server and /usr/sbin/nginx. When one is missing and
 * we are root with apt-get, it is installed; otherwise this explains what to do and fails. Same
 * shape as ensure-flask.mjs and ensure-chromium.mjs.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** What the tests run, and the Debian package that puts it there. */
const NEEDED = [
  { file: '/usr/bin/redis-server', versionArgs: ['--version'], pkg: 'redis-server' },
  { file: '/usr/sbin/nginx', versionArgs: ['-v'], pkg: 'nginx' },
];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Prints the program's version; false when it does not run. */
function reportVersion({ file, versionArgs }) {
  // nginx -v writes its version on stderr, redis-server --version on stdout.
  const result = spawnSync(file, versionArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const version = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || !version) {
    console.error(`ensure-redis: ${file} exists but \`${file} ${versionArgs.join(' ')}\` failed.`);
    if (result.error) console.error(`  ${result.error.message}`);
    return false;
  }
  console.log(`ensure-redis: ${version} (${file})`);
  return true;
}

function fail(lines) {
  console.error(['ensure-redis: no redis-server or nginx for the tests.', ...lines].join('\n'));
  process.exit(1);
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, command)));
}

/** Runs an apt-get command; whether it succeeded. */
function run(command, args) {
  console.log(`ensure-redis: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) console.error(`ensure-redis: failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}).`);
  return result.status === 0;
}

const missing = NEEDED.filter(({ file }) => !isExecutable(file));

// 1. Already there: say which versions, and go.
if (missing.length === 0) process.exit(NEEDED.every(reportVersion) ? 0 : 1);

const packages = missing.map(({ pkg }) => pkg);

// 2. Missing, and we may install them: Debian's packages, non-interactively. Only the missing
//    ones, so an installed one is never upgraded behind the tests' back; `apt-get update` only
//    when the install fails without it (a fresh image has no package lists), as it is slow.
if (process.getuid?.() === 0 && onPath('apt-get')) {
  console.log(`ensure-redis: ${missing.map(({ file }) => file).join(' and ')} missing; installing Debian's ${packages.join(' ')}.`);
  const installed =
    run('apt-get', ['install', '-y', ...packages]) || (run('apt-get', ['update']) && run('apt-get', ['install', '-y', ...packages]));
  if (!installed) fail([`\`apt-get install -y ${packages.join(' ')}\` failed, even after \`apt-get update\`.`]);
  const still = NEEDED.filter(({ file }) => !isExecutable(file));
  if (still.length > 0)
    fail([`apt-get installed ${packages.join(' ')}, yet ${still.map(({ file }) => file).join(' and ')} is still missing.`]);
  process.exit(NEEDED.every(reportVersion) ? 0 : 1);
}

// 3. Missing, and we may not install them: tell the person exactly what to do.
fail([
  `${missing.map(({ file }) => file).join(' and ')} does not exist, and this script can only install it as root with apt-get.`,
  "Install Debian's packages:",
  '',
  `    sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
]);
