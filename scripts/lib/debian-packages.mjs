// @ts-check
/**
 * What the `ensure-*` scripts share: the tests use Debian's packages (chromium, python3-flask,
 * redis-server, nginx), installed with apt-get when one is missing and we are root, and otherwise a
 * message that says exactly what to run.
 */
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** @param {string} file */
export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether this process may install packages: root, with apt-get on the PATH. */
export function mayInstall() {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, 'apt-get')));
  return process.getuid?.() === 0 && onPath;
}

/**
 * The output of `file ...args`, or null when it fails: stdout and stderr (nginx -v writes on stderr),
 * or stdout alone when stderr may hold warnings (Debian's chromium launcher).
 * @param {string} file @param {string[]} args @param {{ stderr?: boolean }} [options]
 */
export function versionOf(file, args, { stderr = true } = {}) {
  const result = spawnSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const version = `${result.stdout ?? ''}${stderr ? (result.stderr ?? '') : ''}`.trim();
  return result.status === 0 && version ? version : null;
}

/**
 * One script's voice: every line it prints starts with its name.
 * @param {string} name e.g. 'ensure-redis'
 * @param {string} what what is missing, for the failure's first line, e.g. 'no Flask for the unit tests.'
 */
export function packageInstaller(name, what) {
  /** @param {string} line */
  const say = (line) => console.log(`${name}: ${line}`);

  /** @param {string[]} lines @returns {never} */
  const fail = (lines) => {
    console.error([`${name}: ${what}`, ...lines].join('\n'));
    process.exit(1);
  };

  /** @param {string[]} args */
  const aptGet = (args) => {
    say(`apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) console.error(`${name}: failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}).`);
    return result.status === 0;
  };

  /**
   * Installs Debian's packages, non-interactively, only those asked for (so an installed one is never
   * upgraded behind the tests' back); `apt-get update` only when the install fails without it (a fresh
   * image has no package lists), as it is slow. Fails the script if they cannot be installed.
   * @param {string[]} packages
   */
  const install = (packages) => {
    const installed = aptGet(['install', '-y', ...packages]) || (aptGet(['update']) && aptGet(['install', '-y', ...packages]));
    if (!installed) fail([`\`apt-get install -y ${packages.join(' ')}\` failed, even after \`apt-get update\`.`]);
  };

  /**
   * The message for a person who must install the packages themselves.
   * @param {string} problem @param {string[]} packages @param {string[]} [more]
   * @returns {never}
   */
  const askToInstall = (problem, packages, more = []) =>
    fail([
      `${problem}, and this script can only install it as root with apt-get.`,
      `Install Debian's ${packages.join(' ')} package${packages.length > 1 ? 's' : ''}:`,
      '',
      `    sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
      ...more,
    ]);

  return { say, fail, install, askToInstall };
}
