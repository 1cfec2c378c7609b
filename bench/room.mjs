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
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createParser } from 'eventsource-parser';
import { startCluster } from '../scripts/cluster.mjs';
import { machineInfo, rssKB } from './lib/proc.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GC_PRELOAD = path.join(ROOT, 'bench', 'lib', 'gc-on-signal.cjs');

function parseArgs(argv) {
  const options = { subscribers: 500, steps: 30 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]?.replace(/^--/, '');
    if (!(name in options)) throw new Error(`unknown argument ${argv[i]} (--subscribers N, --steps N)`);
    options[name] = Number.parseInt(argv[++i] ?? '', 10);
    if (!Number.isInteger(options[name]) || options[name] < 1) throw new Error(`--${name} takes a whole number ≥ 1`);
  }
  return options;
}

const log = (line) => console.log(line);

/** Nearest-rank percentile of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const summary = (values) => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  max: Math.max(...values),
  samples: values.length,
});
const round1 = (value) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

/** POST JSON; resolves with the status and the parsed answer. */
async function post(url, cookie, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A forced GC in the instance (gc-on-signal.cjs answers SIGUSR2 on stderr); its memoryUsage(). */
async function gcOf(instance) {
  const pid = instance.pid();
  const before = instance
    .output()
    .split('\n')
    .filter((line) => line.startsWith('[bench-gc]')).length;
  process.kill(pid, 'SIGUSR2');
  for (let tries = 0; tries < 100; tries++) {
    await sleep(20);
    const lines = instance
      .output()
      .split('\n')
      .filter((line) => line.startsWith('[bench-gc]'));
    if (lines.length > before) return JSON.parse(lines.at(-1).slice('[bench-gc] '.length));
  }
  throw new Error(`instance ${instance.url}: no answer to SIGUSR2 (started without gc-on-signal.cjs?)`);
}

/** Every instance GC'd, then their RSS (KB, /proc) and JS heap used (bytes), summed. */
async function memoryOf(instances) {
  const heaps = [];
  for (const instance of instances) heaps.push(await gcOf(instance));
  await sleep(300);
  return {
    rssKB: instances.reduce((sum, instance) => sum + rssKB(instance.pid()), 0),
    heapUsed: heaps.reduce((sum, heap) => sum + heap.heapUsed, 0),
  };
}

/**
 * The subscribers, in this process: each a plain HTTP event-stream reader. For each trace word
 * (`Message 3`) it keeps how many have it and when the first and the last got it.
 */
function createAudience(code) {
  const requests = new Set();
  const arrivals = new Map(); // word -> { count, first, last }
  const waiters = new Map(); // word -> [{ count, resolve }]
  let run = null;
  let failures = 0;

  const record = (word, at) => {
    const seen = arrivals.get(word) ?? { count: 0, first: at, last: at };
    seen.count += 1;
    seen.last = at;
    arrivals.set(word, seen);
    for (const waiter of waiters.get(word) ?? []) if (seen.count >= waiter.count) waiter.resolve(seen);
  };

  function connect(base) {
    return new Promise((resolve, reject) => {
      const request = http.get(
        `${base}/api/rooms/${code}/events`,
        { agent: false, headers: { Accept: 'text/event-stream' } },
        (response) => {
          if (response.statusCode !== 200) {
            response.resume();
            return reject(new Error(`GET events from ${base}: ${response.statusCode}`));
          }
          let at = 0;
          const parser = createParser({
            onEvent(message) {
              if (message.event === 'snapshot') return resolve();
              if (message.event !== 'entry') return;
              const entry = JSON.parse(message.data);
              if (entry.body.kind !== 'trace' || entry.body.run !== run) return;
              const event = entry.body.event;
              record(event.type === 'frame' ? event.data : event.type, at);
            },
          });
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            at = performance.now();
            parser.feed(chunk);
          });
          response.on('error', () => undefined);
          response.on('close', () => {
            if (requests.delete(request)) failures += 1;
          });
        },
      );
      request.on('error', (error) => {
        if (requests.delete(request)) failures += 1;
        reject(error);
      });
      requests.add(request);
    });
  }

  return {
    connect,
    setRun: (seq) => (run = seq),
    /** Resolves with {count, first, last} once `count` subscribers have `word`; rejects after `timeoutMs`. */
    waitFor(word, count, timeoutMs = 30_000) {
      const seen = arrivals.get(word);
      if (seen && seen.count >= count) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${arrivals.get(word)?.count ?? 0} of ${count} subscribers got “${word}”`)),
          timeoutMs,
        );
        const list = waiters.get(word) ?? [];
        list.push({
          count,
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
        });
        waiters.set(word, list);
      });
    },
    failures: () => failures,
    open: () => requests.size,
    close() {
      for (const request of requests) {
        requests.delete(request);
        request.destroy();
      }
    },
  };
}

/**
 * One setup, measured: `targets(k)` is where subscriber k connects; the run goes to the first
 * instance, the steps to `stepBase` (nginx when there is one: whichever instance a presenter reaches).
 */
async function measure(name, cluster, { subscribers, steps }) {
  const instances = cluster.instances;
  const owner = instances[0];
  const stepBase = cluster.nginx?.url ?? owner.url;
  const opened = await post(`${owner.url}/api/rooms`);
  if (opened.status !== 201) throw new Error(`POST /api/rooms: ${opened.status}`);
  const code = opened.json.code;
  const cookie = opened.headers.get('set-cookie').split(';')[0];
  const audience = createAudience(code);

  await sleep(500);
  const idle = await memoryOf(instances);

  const connectStarted = performance.now();
  for (let k = 0; k < subscribers; k += 50) {
    const batch = Array.from({ length: Math.min(50, subscribers - k) }, (_, j) =>
      audience.connect(instances[(k + j) % instances.length].url),
    );
    await Promise.all(batch);
  }
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  log(`  ${name}: ${subscribers} subscribers connected in ${connectSeconds.toFixed(2)} s`);
  await sleep(2500); // presence reports settle
  const loaded = await memoryOf(instances);

  const started = await post(`${owner.url}/api/rooms/${code}/commands`, cookie, {
    type: 'run',
    params: { n: steps, delay: 1000, template: 'Message {i}', mode: 'step' },
  });
  if (started.status !== 200) throw new Error(`run: ${started.status} ${JSON.stringify(started.json)}`);
  audience.setRun(started.json.seq);
  await audience.waitFor('open', subscribers);
  await sleep(300);

  const lastMs = [];
  const firstMs = [];
  const answerMs = [];
  for (let step = 0; step < steps; step++) {
    const sentAt = performance.now();
    const arrived = audience.waitFor(`Message ${step}`, subscribers);
    const answer = await post(`${stepBase}/api/rooms/${code}/commands`, cookie, { type: 'step' });
    answerMs.push(performance.now() - sentAt);
    if (answer.status !== 200) throw new Error(`step ${step + 1}: ${answer.status} ${JSON.stringify(answer.json)}`);
    const seen = await arrived;
    lastMs.push(seen.last - sentAt);
    firstMs.push(seen.first - sentAt);
    await sleep(150);
  }
  const failures = audience.failures();
  audience.close();
  const result = {
    name,
    instances: instances.length,
    hub: cluster.redis ? 'redis' : 'memory',
    subscribers,
    steps,
    connectSeconds: round1(connectSeconds),
    stepToLastMs: summary(lastMs.map(round1)),
    stepToFirstMs: summary(firstMs.map(round1)),
    stepAnswerMs: summary(answerMs.map(round1)),
    lostStreams: failures,
    memory: {
      idleRssKB: idle.rssKB,
      loadedRssKB: loaded.rssKB,
      rssPerSubscriberKB: round1((loaded.rssKB - idle.rssKB) / subscribers),
      heapPerSubscriberKB: round1((loaded.heapUsed - idle.heapUsed) / 1024 / subscribers),
    },
    rawStepToLastMs: lastMs.map(round1),
  };
  log(
    `  ${name}: step → last subscriber p50 ${result.stepToLastMs.p50} ms, p99 ${result.stepToLastMs.p99} ms, max ${result.stepToLastMs.max} ms; ` +
      `RSS/subscriber ${result.memory.rssPerSubscriberKB} KB`,
  );
  return result;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
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
    ['idle RSS, all instances (MB)', (r) => round1(r.memory.idleRssKB / 1024)],
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
