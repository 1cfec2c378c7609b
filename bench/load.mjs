// npm run bench — the stream server under load, against a floor and a reference, in one run.
//
//   node bench/load.mjs [--streams 2000] [--frames 5] [--delay 1000] [--only next,next-route,floor,flask]
//                       [--concurrency 500] [--flask-streams 500] [--port 3600] [--json path]
//                       [--timeout seconds] [--cpu-prof dir] [--no-raw] [--verbose]
//
// Servers, each a child process on its own loopback port, run one after another (never two at
// once: the machine's cores are shared with this load generator):
//   next        the production server (node --expose-gc server.mjs), caps off; it serves
//               GET /api/stream itself (lib/server/serve-on-node.ts), everything else through Next
//   next-route  the same server with STEPSTREAM_STREAM_VIA_NEXT=1: GET /api/stream through the
//               Next.js route handler (app/api/stream/route.ts), to show what that costs
//   floor       a bare node:http server emitting the same frames (bench/lib/floor-server.mjs)
//   flask       the seed's own Flask example (bench/flask_seed.py) on Debian's python3-flask, if installed;
//               `flask run` spends a thread per stream, so it gets at most --flask-streams streams
//
// For each: start → warm-up (1000 streams run to completion) → forced GC → idle RSS → memory check
// (1000 streams opened, held, aborted; GC; RSS against the idle RSS) → forced GC → idle RSS → the
// load: N streams of `--frames` frames `--delay` ms apart, opened through a limiter that keeps at
// most `--concurrency` streams waiting for their first frame. Server CPU and RSS are read from
// /proc/<pid>; the GC is forced from outside with SIGUSR2 (bench/lib/gc-on-signal.cjs, preloaded
// with -r; nothing is added to the app). Prints a table and targets; writes JSON to bench/results/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchServer } from './lib/bench-server.mjs';
import { ALL_KINDS, MEMORY_STREAMS, WARMUP_STREAMS, fail, log, readOptions } from './lib/cli.mjs';
import { ensureOpenFileLimit } from './lib/open-files.mjs';
import { machineInfo } from './lib/proc.mjs';
import { report } from './lib/report.mjs';
import { ROOT, flaskAvailable, killAllOnExit, portInUse } from './lib/servers.mjs';
import { round } from './lib/units.mjs';

const options = readOptions(process.argv.slice(2));
ensureOpenFileLimit(Math.max(options.streams, WARMUP_STREAMS, MEMORY_STREAMS) + 1024, options.streams);
killAllOnExit(log);

const runStarted = performance.now();
const machine = machineInfo();
const kinds = options.only.slice();
if (kinds.includes('flask') && !flaskAvailable()) {
  console.log('Flask reference skipped: install python3-flask');
  kinds.splice(kinds.indexOf('flask'), 1);
}
if ((kinds.includes('next') || kinds.includes('next-route')) && !existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  log('no production build (.next/BUILD_ID): running npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) fail('npm run build failed');
}

const results = {};
const failures = {};
for (const [index, kind] of kinds.entries()) {
  const port = options.basePort + ALL_KINDS.indexOf(kind);
  try {
    if (await portInUse(port)) throw new Error(`port ${port} is in use; pick another base with --port`);
    results[kind] = await benchServer(kind, port, options);
  } catch (error) {
    // One server failing (say, it would not start) still leaves the others worth measuring.
    log(`${kind}: FAILED: ${error.message}`);
    failures[kind] = error.message;
  }
  if (index < kinds.length - 1) await sleep(2000); // let the last sockets close before the next server
}
for (const kind of Object.keys(failures)) kinds.splice(kinds.indexOf(kind), 1);

const runSeconds = round((performance.now() - runStarted) / 1000, 1);
console.log(report({ machine, options, kinds, results, failures, runSeconds }));
// A MISS is reported, not failed: the bench measures, it does not gate.
process.exit(0);
