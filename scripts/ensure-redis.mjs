#!/usr/bin/env node
// @ts-check
/**
 * Makes sure Debian's redis-server and nginx are installed, before the tests run: the Redis room
 * hub's tests start a real redis-server on loopback (lib/server/room/testing/redis-test-server.ts), and
 * the tests of several instances behind one address put nginx in front of them.
 *
 * Both are Debian's packages, at /usr/bin/redis-server and /usr/sbin/nginx. When one is missing and
 * we are root with apt-get, it is installed; otherwise this explains what to do and fails.
 */
import { isExecutable, mayInstall, packageInstaller, versionOf } from './lib/debian-packages.mjs';

/** What the tests run, and the Debian package that puts it there. */
const NEEDED = [
  { file: '/usr/bin/redis-server', versionArgs: ['--version'], pkg: 'redis-server' },
  { file: '/usr/sbin/nginx', versionArgs: ['-v'], pkg: 'nginx' },
];
const { say, fail, install, askToInstall } = packageInstaller('ensure-redis', 'no redis-server or nginx for the tests.');

/** Prints the program's version; false when it does not run. @param {(typeof NEEDED)[number]} program */
function reportVersion({ file, versionArgs }) {
  const version = versionOf(file, versionArgs);
  if (version) say(`${version} (${file})`);
  else console.error(`ensure-redis: ${file} exists but \`${file} ${versionArgs.join(' ')}\` failed.`);
  return version !== null;
}

const missing = NEEDED.filter(({ file }) => !isExecutable(file));

// 1. Already there: say which versions, and go.
if (missing.length === 0) process.exit(NEEDED.every(reportVersion) ? 0 : 1);

const packages = missing.map(({ pkg }) => pkg);
const files = missing.map(({ file }) => file).join(' and ');

// 2. Missing, and we may install them: only the missing ones.
if (mayInstall()) {
  say(`${files} missing; installing Debian's ${packages.join(' ')}.`);
  install(packages);
  const still = NEEDED.filter(({ file }) => !isExecutable(file));
  if (still.length > 0)
    fail([`apt-get installed ${packages.join(' ')}, yet ${still.map(({ file }) => file).join(' and ')} is still missing.`]);
  process.exit(NEEDED.every(reportVersion) ? 0 : 1);
}

// 3. Missing, and we may not install them: tell the person exactly what to do.
askToInstall(`${files} does not exist`, packages);
