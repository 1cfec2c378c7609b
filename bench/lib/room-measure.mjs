// One setup of the room bench (bench/room.mjs), measured: open a room, connect the subscribers,
// run in step mode, and for each Step time from sending the command to the moment the last
// subscriber has that frame's entry; the instances' memory before and after the subscribers.
import { setTimeout as sleep } from 'node:timers/promises';
import { rssKB } from './proc.mjs';
import { createAudience } from './room-audience.mjs';
import { percentile } from './streams.mjs';
import { round } from './units.mjs';

const log = (line) => console.log(line);
const round1 = (value) => round(value, 1);

/** p50, p99 and max of `values` (nearest rank), and how many. */
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: Math.max(...values), samples: values.length };
}

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
 * One setup, measured: subscriber k connects straight to instance k mod n; the run goes to the first
 * instance, the steps to `stepBase` (nginx when there is one: whichever instance a presenter reaches).
 */
export async function measure(name, cluster, { subscribers, steps }) {
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
