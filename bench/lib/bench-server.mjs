// One server, start to stop: warm-up → forced GC → idle RSS → memory check (1000 streams opened,
// held, aborted; GC; RSS against the idle RSS) → forced GC → idle RSS → the load. What each phase
// measured goes into one record, in that order; the report and the JSON read it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { MEMORY_STREAMS, PROFILED_KINDS, TEMPLATE, WARMUP_STREAMS, log } from './cli.mjs';
import { cpuSeconds, hwmKB, rssKB, sampleRss, threadCount } from './proc.mjs';
import { startServer } from './servers.mjs';
import { openStreams, rawRecords, summarize } from './streams.mjs';
import { MB, round } from './units.mjs';

const streamQuery = (n, delay) => `?n=${n}&delay=${delay}&template=${encodeURIComponent(TEMPLATE)}`;
const expectFrame = (i) => `data: ${TEMPLATE.replaceAll('{i}', String(i))}\n\n`;

/**
 * RSS after forced GCs. One full GC leaves V8's heap reserve where it was; the next one or two shrink
 * it. So: GC, wait 700 ms, again until heapTotal stops changing (2 to 5 GCs), then read RSS.
 * Flask has no GC to force: wait a second and read.
 */
async function settledRss(server) {
  let usage = null;
  if (server.canGc) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const previous = usage;
      usage = await server.gc();
      await sleep(700);
      if (usage === null || (previous !== null && previous.heapTotal === usage.heapTotal)) break;
    }
    await sleep(300);
  } else {
    await sleep(1000);
  }
  return {
    rssKB: rssKB(server.pid),
    heapUsed: usage?.heapUsed ?? null,
    heapTotal: usage?.heapTotal ?? null,
    external: usage?.external ?? null,
  };
}

function loadTimeoutMs(count, frames, delay, timeoutS) {
  if (timeoutS !== null) return timeoutS * 1000;
  return Math.max(30_000, count * 10) + frames * delay + 30_000;
}

async function runStreams(server, options, { count, frames, delay, ...rest }) {
  return openStreams({
    port: server.port,
    path: server.streamPath + streamQuery(frames, delay),
    count,
    concurrency: options.concurrency,
    expectFrame,
    timeoutMs: loadTimeoutMs(count, frames, delay, options.timeoutS),
    ...rest,
  });
}

/** The first requests load route code and grow the heap: run a round to completion. */
async function warmUp(server, kind, count, options) {
  const warmCount = kind === 'flask' ? Math.min(count, 50) : WARMUP_STREAMS;
  log(`${kind}: warm-up, ${warmCount} streams of 2 frames 100 ms apart`);
  const result = await runStreams(server, options, { count: warmCount, frames: 2, delay: 100 });
  const warm = summarize(result, { count: warmCount, expectedFrames: 2, delayMs: 100 });
  return { streams: warmCount, completed: warm.completed, errors: warm.errors, openRate: warm.openRate };
}

/** 1000 streams opened (each sleeping 10 s after its first frame), held, aborted; RSS against idle. */
async function memoryCheck(server, kind, options) {
  const idle = await settledRss(server);
  log(`${kind}: memory check, ${MEMORY_STREAMS} streams opened and aborted (idle ${MB(idle.rssKB)} MB)`);
  let held = null;
  const check = await runStreams(server, options, {
    count: MEMORY_STREAMS,
    frames: 2,
    delay: 10_000,
    abortWhenOpen: true,
    onAllOpen: async ({ open }) => {
      held = { open, ...(await settledRss(server)) };
    },
  });
  const opened = check.records.filter((r) => r.frames.length > 0).length;
  const activeAfterAbort = await server.waitForNoStreams(30_000);
  const after = await settledRss(server);
  const deltaPct = ((after.rssKB - idle.rssKB) / idle.rssKB) * 100;
  const heapKnown = held?.open && held.heapUsed !== null && idle.heapUsed !== null;
  return {
    idleRssKB: idle.rssKB,
    idleHeapUsed: idle.heapUsed,
    opened,
    heldOpen: held?.open ?? null,
    heldRssKB: held?.rssKB ?? null,
    heldHeapUsed: held?.heapUsed ?? null,
    rssPerHeldStreamKB: held?.open ? round((held.rssKB - idle.rssKB) / held.open, 2) : null,
    heapPerHeldStreamKB: heapKnown ? round((held.heapUsed - idle.heapUsed) / 1024 / held.open, 2) : null,
    activeAfterAbort,
    afterAbortRssKB: after.rssKB,
    afterAbortHeapUsed: after.heapUsed,
    deltaPct: round(deltaPct, 1),
    within10pct: opened === MEMORY_STREAMS && activeAfterAbort === 0 && deltaPct <= 10,
  };
}

/** The load itself: `count` streams, with the server's CPU and RSS and this process's own cost. */
async function measureLoad(server, kind, count, options, out) {
  const { frames, delay, concurrency } = options;
  const before = await settledRss(server);
  out.idleRssBeforeLoadKB = before.rssKB;
  out.idleHeapUsedBeforeLoad = before.heapUsed;
  const shape = `${count} streams × ${frames} frames, ${delay} ms apart, ≤ ${concurrency} opening at once`;
  log(`${kind}: load, ${shape} (idle ${MB(before.rssKB)} MB)`);
  const cpuBefore = cpuSeconds(server.pid);
  const benchCpuBefore = process.cpuUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const rss = sampleRss(server.pid, 100);
  const live = {};
  const progress = setInterval(
    () => log(`${kind}:   sent ${live.dispatched ?? 0}/${count}, open ${live.open ?? 0}, finished ${live.finished ?? 0}`),
    5000,
  );
  let atAllOpen = null;
  const monotonicUs = () => Number(process.hrtime.bigint() / 1000n); // the clock of --cpu-prof samples
  const loadStartUs = monotonicUs();
  const result = await runStreams(server, options, {
    count,
    frames,
    delay,
    live,
    onAllOpen: ({ open }) => {
      atAllOpen = { open, rssKB: rss.take(), threads: threadCount(server.pid) };
    },
  });
  clearInterval(progress);
  out.loadWindowUs = [loadStartUs, monotonicUs()];
  const cpuAfter = cpuSeconds(server.pid);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  loopDelay.disable();
  const { peakKB, samples } = rss.stop();
  const summary = summarize(result, { count, expectedFrames: frames, delayMs: delay });
  Object.assign(out, summary);
  out.serverCpuSeconds = round(cpuAfter - cpuBefore, 2);
  out.cpuMsPerStream = round(((cpuAfter - cpuBefore) * 1000) / count, 3);
  out.benchCpuSeconds = round((benchCpu.user + benchCpu.system) / 1e6, 2);
  out.benchLoopDelayP99Ms = round(loopDelay.percentile(99) / 1e6, 1);
  out.benchLoopDelayMaxMs = round(loopDelay.max / 1e6, 1);
  out.rssAtAllOpenKB = atAllOpen?.rssKB ?? null;
  out.openAtAllOpen = atAllOpen?.open ?? null;
  out.threadsAtAllOpen = atAllOpen?.threads ?? null;
  // Only meaningful while every stream is open: once some have ended, their garbage is in the RSS
  // but not in the divisor.
  out.allOpenAtOnce = atAllOpen?.open === count;
  out.rssPerOpenStreamKB = out.allOpenAtOnce ? round((atAllOpen.rssKB - before.rssKB) / atAllOpen.open, 2) : null;
  out.peakRssSampledKB = peakKB;
  out.vmHwmKB = hwmKB(server.pid);
  out.rssSamples = samples;
  out.activeAfterLoad = await server.waitForNoStreams(15_000);
  if (server.canGc) out.idleRssAfterLoadKB = (await settledRss(server)).rssKB;
  if (options.keepRaw) out.raw = rawRecords(result);
  log(
    `${kind}: ${summary.completed}/${count} completed, ${summary.framesLost} frames lost, ` +
      `open rate ${summary.openRate}/s, steady pacing p99 ${summary.pacingSteadyMs.p99} ms`,
  );
}

/** The .cpuprofile this server wrote since `started` (performance.now()), or null. */
function newestCpuProfile(kind, cpuProfDir, started) {
  // server.mjs exits through process.exit on SIGTERM, so V8 has written the profile by now.
  const dir = path.resolve(cpuProfDir);
  const profiles = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(dir, f))
    : [];
  const newest = profiles.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest && statSync(newest).mtimeMs >= Date.now() - (performance.now() - started)) return newest;
  log(`${kind}: no .cpuprofile appeared in ${dir}`);
  return null;
}

/** Starts one server on `port`, runs every phase against it, stops it; the record of what it measured. */
export async function benchServer(kind, port, options) {
  const count = kind === 'flask' ? options.flaskStreams : options.streams;
  const profiled = kind in PROFILED_KINDS;
  const started = performance.now();
  log(`${kind}: starting on 127.0.0.1:${port}`);
  const server = await startServer(kind, port, { cpuProfDir: profiled ? options.cpuProfDir : null, verbose: options.verbose });
  const out = { kind, pid: server.pid, port, streams: count, rssAtStartKB: rssKB(server.pid) };
  try {
    out.warmup = await warmUp(server, kind, count, options);
    if (server.canGc) out.memory = await memoryCheck(server, kind, options);
    await measureLoad(server, kind, count, options, out);
  } finally {
    out.stopped = await server.stop();
    if (profiled && options.cpuProfDir) {
      const profile = newestCpuProfile(kind, options.cpuProfDir, started);
      if (profile) out.cpuProfile = profile;
    }
    out.serverLog = server.log.slice(-10);
    out.runSeconds = round((performance.now() - started) / 1000, 1);
  }
  return out;
}
