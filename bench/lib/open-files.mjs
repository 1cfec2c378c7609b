// Open files: each stream is one socket in this process and one in the server. Both inherit our
// limit; raise it by re-running under `sh -c 'ulimit -n …'` when it is too low (and allowed).
import { spawnSync } from 'node:child_process';
import { log } from './cli.mjs';
import { fileLimits } from './proc.mjs';

/**
 * Makes sure `needed` files can be open at once: returns when they can, re-runs this very command
 * under a higher `ulimit -n` (and exits with its status) when allowed, else warns and returns.
 */
export function ensureOpenFileLimit(needed, streams) {
  // Node itself lifts its soft limit to the hard one at startup, so a low limit here is a low hard
  // limit: only a privileged re-run can lift it.
  const { soft } = fileLimits();
  if (soft >= needed) return;
  const target = Math.max(needed, 65_536);
  const canRaise = spawnSync('sh', ['-c', `ulimit -n ${target}`], { stdio: 'ignore' }).status === 0;
  if (!process.env.STEPSTREAM_BENCH_REEXEC && canRaise) {
    log(`open-file limit ${soft} < ${needed}: re-running under ulimit -n ${target}`);
    const command = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
    const rerun = spawnSync('sh', ['-c', `ulimit -n ${target} && exec "$0" "$@"`, ...command], {
      stdio: 'inherit',
      env: { ...process.env, STEPSTREAM_BENCH_REEXEC: '1' },
    });
    process.exit(rerun.status ?? 1);
  }
  log(
    `WARNING: open-file limit is ${soft}, below the ${needed} that ${streams} streams need ` +
      '(one socket each in this process and in the server); expect EMFILE errors. ' +
      `Raise it (ulimit -n ${target}) or run fewer --streams.`,
  );
}
