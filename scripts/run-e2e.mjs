#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:e2e`: every Playwright test, in two runs against one production build.
 *
 *   1. the `parallel` project with E2E_WORKERS workers (default 1): tests independent of each other;
 *   2. the `serial` project with one worker: tests tagged @serial, which measure timing or count the
 *      server's open streams, so nothing may run beside them. Its server starts from the build of run 1.
 *
 * Both runs always happen (a failure in the first does not hide the second's results); the exit code is
 * non-zero if either failed. Extra arguments go to both runs (`npm run test:e2e -- e2e/lesson.spec.ts`).
 * One worker by default: on a 2-core machine the parallel project took 675 s with three workers and
 * 676 s with one (2026-12-04, CI in a fresh clone, nothing else running). The browsers, axe and the
 * server already keep both cores busy, so more workers only made timeouts likelier. With more cores,
 * E2E_WORKERS=4 runs them side by side.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const workers = process.env.E2E_WORKERS ?? '1';

/** @param {string[]} runArgs @param {Record<string, string>} env */
function playwright(runArgs, env = {}) {
  const started = Date.now();
  const result = spawnSync('npx', ['playwright', 'test', ...runArgs, '--pass-with-no-tests', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  console.log(`run-e2e: ${runArgs.join(' ')} finished in ${((Date.now() - started) / 1000).toFixed(0)} s (exit ${result.status})`);
  return result.status ?? 1;
}

const parallel = playwright(['--project=parallel', `--workers=${workers}`]);
const serial = playwright(['--project=serial'], { E2E_SKIP_BUILD: '1' });
process.exit(parallel || serial);
