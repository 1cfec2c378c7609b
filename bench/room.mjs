// The classroom's fan-out: how long a presenter's Step takes to reach the LAST of 500 students, and
// what each student costs a server, on two instances sharing Redis (behind nginx) against the
// floor of one instance keeping its rooms in memory.
//
//   npm run bench:room [-- --subscribers 500 --steps 30]
//
// Per setup: start it (scripts/cluster.mjs), open a room, connect the subscribers (half straight to
// each instance; all to the one instance for the floor), run in step mode, and for each Step time
// from sending the command to the moment the last subscriber has that frame's entry. Memory per
// subscriber is the instances' RSS (after a forced GC) with the subscribers connected minus before,
// over their number: approximate (RSS moves in pages and the allocator keeps what it freed).
// The subscribers all live in this one process, on the same 2 cores as the servers: every figure
// includes this process's reading of 500 streams. Results: bench/results/room-<timestamp>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from '../scripts/cluster.mjs';
import { parseArgs, wholeNumber } from './lib/cli.mjs';
import { machineInfo } from './lib/proc.mjs';
import { measure } from './lib/room-measure.mjs';
import { round } from './lib/units.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GC_PRELOAD = path.join(ROOT, 'bench', 'lib', 'gc-on-signal.cjs');
const USAGE = 'usage: node bench/room.mjs [--subscribers N] [--steps N]';

/** --subscribers and --steps, each a whole number ≥ 1. */
function readOptions(argv) {
  const args = parseArgs(argv, { flags: new Set(), options: new Set(['subscribers', 'steps']), usage: USAGE });
  return { subscribers: wholeNumber(args, 'subscribers', 500, 1, 100_000), steps: wholeNumber(args, 'steps', 30, 1, 10_000) };
}

const log = (line) => console.log(line);

async function main() {
  const options = readOptions(process.argv.slice(2));
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    log('No production build (.next/BUILD_ID): running `npm run build` first.');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const common = {
    // Room capacity above the bench's subscribers, so the check never races the presence reports.
    env: { STEPSTREAM_ROOM_CAPACITY: String(options.subscribers * 2), STEPSTREAM_BENCH_PARENT: String(process.pid) },
    nodeArgs: ['--expose-gc', '--require', GC_PRELOAD],
  };

  const setups = [
    ['2 instances + Redis (nginx)', { instances: 2, redis: true, nginx: true }],
    ['1 instance, memory hub', { instances: 1, redis: false, nginx: false }],
  ];
  const results = [];
  for (const [name, setup] of setups) {
    log(`${name}: starting`);
    const cluster = await startCluster({ ...common, ...setup });
    const stopOnSignal = () => void cluster.stop().then(() => process.exit(130));
    process.once('SIGINT', stopOnSignal);
    try {
      results.push(await measure(name, cluster, options));
    } finally {
      process.off('SIGINT', stopOnSignal);
      await cluster.stop();
    }
  }

  const [clustered, floor] = results;
  const ratio = (a, b) => (a === null || b === null || b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
  const rows = [
    ['step → last subscriber p50 (ms)', (r) => r.stepToLastMs.p50],
    ['step → last subscriber p99 (ms)', (r) => r.stepToLastMs.p99],
    ['step → last subscriber max (ms)', (r) => r.stepToLastMs.max],
    ['step → first subscriber p50 (ms)', (r) => r.stepToFirstMs.p50],
    ['step command answered p50 (ms)', (r) => r.stepAnswerMs.p50],
    ['RSS per subscriber, approx. (KB)', (r) => r.memory.rssPerSubscriberKB],
    ['JS heap per subscriber (KB)', (r) => r.memory.heapPerSubscriberKB],
    ['idle RSS, all instances (MB)', (r) => round(r.memory.idleRssKB / 1024, 1)],
    [`all ${options.subscribers} connected in (s)`, (r) => r.connectSeconds],
    ['streams lost', (r) => r.lostStreams],
  ];
  const width = [36, 30, 24, 8];
  const line = (cells) => cells.map((cell, k) => String(cell).padEnd(width[k])).join('');
  log('');
  log(`${options.subscribers} subscribers, ${options.steps} steps; subscribers and servers share ${machineInfo().cores} cores`);
  log(line(['', clustered.name, floor.name, 'ratio']));
  for (const [label, value] of rows)
    log(line([label, value(clustered) ?? '–', value(floor) ?? '–', ratio(value(clustered), value(floor))]));
  log('RSS per subscriber is approximate: RSS after a forced GC with them connected minus before, over their number.');

  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `room-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ machine: machineInfo(), options, results }, null, 2) + '\n');
  log(`\nSaved ${path.relative(ROOT, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
