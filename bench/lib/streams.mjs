// The load generator: N event streams from this process, one TCP connection each (node:http, an
// Agent without keep-alive and without a socket cap), opened through a limiter that keeps at most
// `concurrency` streams "opening" at once (request sent, first frame not yet here). Every stream
// records, on performance.now(): when its request was sent, when the response headers arrived, and
// when each frame (a block ended by a blank line) arrived.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Opens `count` streams to `path` and resolves when every one has ended, failed, or hit `timeoutMs`.
 * `onAllOpen({open})` runs once every stream has its first frame (or has failed); with
 * `abortWhenOpen`, every stream is then destroyed from this side (after `onAllOpen` resolves).
 * `live` is updated as it goes ({dispatched, open, finished}) for progress lines.
 */
export function openStreams({
  host = '127.0.0.1',
  port,
  path,
  count,
  concurrency,
  expectFrame,
  timeoutMs,
  onAllOpen,
  abortWhenOpen = false,
  live: counters = {},
}) {
  return new Promise((resolve) => {
    const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
    const records = new Array(count);
    const live = new Map(); // record -> request, while it is going
    const t0 = performance.now();
    let dispatched = 0;
    let opening = 0;
    let settledOpening = 0; // streams past opening: first frame, or failed
    let open = 0;
    let peakOpen = 0;
    let finished = 0;
    let allOpenAt = null;
    let openAtAllOpen = 0;
    let aborting = false;
    let resolved = false;

    const timeout = setTimeout(() => {
      for (const [record, request] of live) {
        record.error ??= 'timeout';
        request.destroy();
      }
      for (let k = dispatched; k < count; k++)
        records[k] = { sentAt: null, headersAt: null, status: 0, frames: [], endedAt: null, error: 'not started (timeout)', badFrames: 0 };
      dispatched = count;
      done();
    }, timeoutMs);
    timeout.unref?.();

    function done() {
      if (resolved) return;
      resolved = true;
      clearTimeout(timeout);
      agent.destroy();
      resolve({ t0, endAt: performance.now(), allOpenAt, openAtAllOpen, peakOpen, records });
    }

    function pump() {
      while (!aborting && opening < concurrency && dispatched < count) start(dispatched++);
      counters.dispatched = dispatched;
    }

    function settleOpening() {
      settledOpening += 1;
      if (allOpenAt === null && settledOpening === count) {
        allOpenAt = performance.now();
        openAtAllOpen = open;
        Promise.resolve(onAllOpen?.({ open }))
          .catch(() => {})
          .then(() => {
            if (!abortWhenOpen) return;
            aborting = true;
            for (const [record, request] of live) {
              record.error ??= 'aborted by bench';
              request.destroy();
            }
          });
      }
    }

    function start(k) {
      const record = { sentAt: performance.now(), headersAt: null, status: 0, frames: [], endedAt: null, error: null, badFrames: 0 };
      records[k] = record;
      opening += 1;
      let isOpening = true;
      let counted = false;
      let ended = false;
      let buffer = '';

      const leaveOpening = () => {
        if (!isOpening) return;
        isOpening = false;
        opening -= 1;
        settleOpening();
        pump();
      };
      const finish = (error) => {
        if (ended) return;
        ended = true;
        if (error && !record.error) record.error = error;
        record.endedAt = performance.now();
        if (counted) open -= 1;
        live.delete(record);
        leaveOpening();
        finished += 1;
        counters.open = open;
        counters.finished = finished;
        if (finished === count) done();
      };

      const request = http.request({ host, port, path, agent, method: 'GET', headers: { Accept: 'text/event-stream' } });
      live.set(record, request);
      request.on('error', (error) => finish(error.code ?? error.message));
      request.on('response', (response) => {
        record.headersAt = performance.now();
        record.status = response.statusCode ?? 0;
        response.on('error', (error) => finish(error.code ?? error.message));
        if (record.status !== 200) {
          response.resume();
          response.on('close', () => finish(`HTTP ${record.status}`));
          return;
        }
        counted = true;
        open += 1;
        if (open > peakOpen) peakOpen = open;
        counters.open = open;
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          const now = performance.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const frame = buffer.slice(0, end + 2);
            buffer = buffer.slice(end + 2);
            if (frame !== expectFrame(record.frames.length)) record.badFrames += 1;
            record.frames.push(now);
            if (record.frames.length === 1) leaveOpening();
          }
        });
        response.on('close', () => finish(response.complete ? (buffer ? 'trailing bytes' : null) : 'closed early'));
      });
      request.end();
    }

    if (count === 0) done();
    else pump();
  });
}

/** Nearest-rank percentile of a sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const sortedCopy = (values) => Float64Array.from(values).sort();
const round = (value, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** Everything the table reports about one run of `openStreams`. */
export function summarize(result, { count, expectedFrames, delayMs }) {
  const { t0, records } = result;
  let completed = 0;
  let received = 0;
  let badFrames = 0;
  const errors = {};
  const connect = [];
  const firstFrame = [];
  let lastFirstFrame = null;
  let withFirstFrame = 0;
  for (const r of records) {
    received += Math.min(r.frames.length, expectedFrames);
    badFrames += r.badFrames;
    if (r.status === 200 && r.error === null && r.frames.length === expectedFrames && r.badFrames === 0) completed += 1;
    if (r.error !== null || r.frames.length !== expectedFrames) {
      const why = r.error ?? `${r.frames.length}/${expectedFrames} frames`;
      errors[why] = (errors[why] ?? 0) + 1;
    }
    if (r.headersAt !== null) connect.push(r.headersAt - r.sentAt);
    if (r.frames.length > 0) {
      withFirstFrame += 1;
      firstFrame.push(r.frames[0] - r.sentAt);
      if (lastFirstFrame === null || r.frames[0] > lastFirstFrame) lastFirstFrame = r.frames[0];
    }
  }
  // Steady state starts the moment the last stream got its first frame.
  const steady = [];
  const allGaps = [];
  let stillOpenAtSteady = 0;
  for (const r of records) {
    const f = r.frames;
    if (lastFirstFrame !== null && f.length > 0 && (r.endedAt === null || r.endedAt >= lastFirstFrame)) stillOpenAtSteady += 1;
    for (let i = 1; i < f.length; i++) {
      const error = f[i] - f[i - 1] - delayMs;
      allGaps.push(error);
      if (f[i - 1] >= lastFirstFrame) steady.push(error);
    }
  }
  const c = sortedCopy(connect);
  const ff = sortedCopy(firstFrame);
  const s = sortedCopy(steady);
  const g = sortedCopy(allGaps);
  const openSeconds = lastFirstFrame === null ? null : (lastFirstFrame - t0) / 1000;
  return {
    requested: count,
    completed,
    framesExpected: count * expectedFrames,
    framesReceived: received,
    framesLost: count * expectedFrames - received,
    badFrames,
    errors,
    openSeconds: round(openSeconds, 3),
    openRate: openSeconds ? round(withFirstFrame / openSeconds, 1) : null,
    peakOpen: result.peakOpen,
    openAtAllOpen: stillOpenAtSteady,
    connectMs: { p50: round(percentile(c, 50)), p99: round(percentile(c, 99)), max: round(c.at(-1)) },
    firstFrameMs: { p50: round(percentile(ff, 50)), p99: round(percentile(ff, 99)), max: round(ff.at(-1)) },
    pacingSteadyMs: {
      samples: s.length,
      p50: round(percentile(s, 50)),
      p99: round(percentile(s, 99)),
      max: round(s.at(-1)),
      min: round(s[0]),
    },
    pacingAllMs: {
      samples: g.length,
      p50: round(percentile(g, 50)),
      p99: round(percentile(g, 99)),
      max: round(g.at(-1)),
      min: round(g[0]),
    },
    durationSeconds: round((result.endAt - t0) / 1000, 3),
  };
}

/** The per-stream timings, relative to the start of the run, in ms: compact enough to keep. */
export function rawRecords(result) {
  const rel = (t) => (t === null ? null : Math.round((t - result.t0) * 100) / 100);
  return result.records.map((r) => [rel(r.sentAt), rel(r.headersAt), r.status, r.frames.map(rel), rel(r.endedAt), r.error]);
}
