// The report: the table, the streams that failed, how each figure is measured, the production
// server's targets with a verdict each, and the CPU profile's summary; plus the run as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { summarizeProfile } from './cpuprofile-top.mjs';
import { MEMORY_STREAMS, PROFILED_KINDS, TEMPLATE, WARMUP_STREAMS } from './cli.mjs';
import { cell, ratio, reportTable } from './report-table.mjs';
import { ROOT } from './servers.mjs';
import { MB } from './units.mjs';

const TEN_THOUSAND = '10,000 concurrent streams, 0 frames lost, steady pacing p99 ≤ 50 ms';
const OPEN_RATE = 'open rate ≥ 0.5× the floor’s';

/** The production server's targets (server.mjs, "next"), each with what was measured and a verdict. */
export function targetsOf(results, { streams }) {
  const next = results.next;
  const floor = results.floor;
  const targets = [];
  const target = (name, measured, verdict) => targets.push({ name, measured, verdict });
  if (!next) {
    target('all server targets', 'next not run', 'NOT RUN');
    return targets;
  }
  if (streams >= 10_000) {
    const p99 = next.pacingSteadyMs.p99;
    const ok = next.peakOpen >= 10_000 && next.framesLost === 0 && p99 !== null && p99 <= 50;
    // Streams that ended before the last one opened, with nothing lost: the run never held 10,000
    // at once, so it says nothing about the target either way.
    const notHeld = next.peakOpen < 10_000 && next.framesLost === 0 && next.completed === next.requested;
    const why =
      next.peakOpen < 10_000
        ? ` (only ${next.peakOpen} open at once: streams ended before the last one opened, at ${cell(next.openRate)} streams/s` +
          ' — hold them longer with more --frames or a longer --delay, e.g. --frames 25)'
        : '';
    const measured = `peak ${next.peakOpen} open, ${next.framesLost} lost, p99 ${cell(p99)} ms${why}`;
    target(TEN_THOUSAND, measured, ok ? 'PASS' : notHeld ? 'NOT RUN' : 'MISS');
  } else {
    const howTo = 'use --streams 10000, with --frames × --delay long enough to hold all of them open (e.g. --frames 25)';
    target(TEN_THOUSAND, `not run (${streams} streams): ${howTo}`, 'NOT RUN');
  }
  if (floor) {
    const r = ratio(next.openRate, floor.openRate);
    const measured = `${cell(next.openRate)} vs ${cell(floor.openRate)} streams/s = ${r === null ? '–' : r.toFixed(2)}×`;
    target(OPEN_RATE, measured, r !== null && r >= 0.5 ? 'PASS' : 'MISS');
  } else {
    target(OPEN_RATE, 'not run: the floor did not run (add it to --only)', 'NOT RUN');
  }
  // The load's figure when every stream was open at once (no GC: garbage counts too); else the
  // memory check's (1000 streams held idle, after GC).
  const perStream = next.rssPerOpenStreamKB ?? next.memory?.rssPerHeldStreamKB ?? null;
  const loadFigure =
    next.rssPerOpenStreamKB === null
      ? `load: not measurable (only ${cell(next.openAtAllOpen)} of ${next.requested} open at once)`
      : `${next.rssPerOpenStreamKB} KB with all ${next.openAtAllOpen} open (no GC)`;
  const heldFigure = `${cell(next.memory?.rssPerHeldStreamKB)} KB per stream with ${MEMORY_STREAMS} held, after GC`;
  target('≤ 20 KB RSS per open idle stream', `${loadFigure}; ${heldFigure}`, perStream !== null && perStream <= 20 ? 'PASS' : 'MISS');
  const m = next.memory;
  const afterAbort = m
    ? `after ${MEMORY_STREAMS} aborted: ${MB(m.afterAbortRssKB)} MB vs idle ${MB(m.idleRssKB)} MB ` +
      `(${m.deltaPct >= 0 ? '+' : ''}${m.deltaPct}%), ${m.activeAfterAbort} left open`
    : 'not measured';
  target(`${MEMORY_STREAMS} streams opened and aborted: RSS within 10% of idle after GC`, afterAbort, m?.within10pct ? 'PASS' : 'MISS');
  return targets;
}

const METHOD = [
  'Method: one TCP connection per stream from this process (node:http, no keep-alive). A stream is',
  '"opening" from its request until its first frame; at most --concurrency are opening at once.',
  'Connect = request sent → response headers (TCP connect included). Open rate = streams / time from',
  "the first request until every stream had its first frame. Steady pacing = a frame's gap after the",
  'one before, minus the delay, counted only if the one before arrived after that moment. Server CPU',
  "and RSS are the server process's own (/proc). RSS per open stream = (RSS when the last stream",
  'opened, no GC − idle RSS after GC) / streams, shown only if all were open at once. Idle RSS is read',
  `after forced GCs; the memory check compares with the idle RSS after a ${WARMUP_STREAMS}-stream warm-up, so`,
  'first-use growth is not counted as a leak. The load generator shares the CPU: its event-loop delay',
  'is part of every latency above.',
];

/** What each profiled server spent its CPU on during the load, from its .cpuprofile. */
function profileLines(results) {
  const out = [];
  for (const [kind, name] of Object.entries(PROFILED_KINDS)) {
    if (!results[kind]?.cpuProfile) continue;
    out.push('');
    out.push(`CPU PROFILE of ${name} during the load: ${results[kind].cpuProfile}`);
    out.push('  (main JS thread only; /proc CPU also counts GC helper threads and the kernel)');
    const [fromUs, toUs] = results[kind].loadWindowUs ?? [null, null];
    out.push(...summarizeProfile(results[kind].cpuProfile, { top: 20, fromUs, toUs }).map((line) => `  ${line}`));
  }
  return out;
}

/** Writes the run as JSON (to the `--json` path, else bench/results/<time>.json); the path written. */
function writeJson({ machine, options, kinds, results, failures, ratios, targets, runSeconds }) {
  const { streams, frames, delay, concurrency, flaskStreams } = options;
  const stamped = path.join(ROOT, 'bench', 'results', `${new Date().toISOString().replaceAll(':', '-')}.json`);
  const jsonPath = path.resolve(options.json ?? stamped);
  mkdirSync(path.dirname(jsonPath), { recursive: true });
  const run = {
    machine,
    options: {
      streams,
      frames,
      delayMs: delay,
      concurrency,
      flaskStreams,
      template: TEMPLATE,
      only: kinds,
      warmupStreams: WARMUP_STREAMS,
      memoryStreams: MEMORY_STREAMS,
    },
    results,
    failures,
    ratiosNextToFloor: ratios,
    targets,
    runSeconds,
  };
  writeFileSync(jsonPath, `${JSON.stringify(run, null, 1)}\n`);
  return jsonPath;
}

/**
 * The whole report as text (for stdout), after writing the JSON. `kinds` are the servers that ran
 * to the end, in order; `failures` the message of each that did not.
 */
export function report({ machine, options, kinds, results, failures, runSeconds }) {
  const { streams, frames, delay, concurrency, flaskStreams } = options;
  const { lines, ratios } = reportTable({ kinds, results, frames, delay, flaskStreams });
  const targets = targetsOf(results, options);
  const out = [];
  out.push('');
  const flaskNote = kinds.includes('flask') ? `; flask gets ${flaskStreams} (a thread per stream)` : '';
  const shape = `${streams} streams × ${frames} frames, ${delay} ms apart, ≤ ${concurrency} opening at once`;
  out.push(`Stepstream load bench — ${shape}${flaskNote}`);
  out.push(
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemGiB} GiB RAM, ` +
      `Node ${machine.node}, Linux ${machine.kernel}, ${machine.date}`,
  );
  out.push('');
  out.push(...lines);
  const errorLines = kinds
    .filter((kind) => Object.keys(results[kind].errors ?? {}).length > 0)
    .map(
      (kind) =>
        `  ${kind}: ${Object.entries(results[kind].errors)
          .map(([why, n]) => `${n}× ${why}`)
          .join(', ')}`,
    );
  if (errorLines.length) out.push('', 'streams that did not complete:', ...errorLines);
  for (const [kind, message] of Object.entries(failures)) out.push('', `${kind} FAILED: ${message.split('\n')[0]}`);
  out.push('');
  out.push(...METHOD);
  out.push('');
  out.push('TARGETS (the production server, server.mjs: the "next" column)');
  for (const t of targets) out.push(`  ${t.verdict.padEnd(7)} ${t.name}: ${t.measured}`);
  out.push(...profileLines(results));
  out.push('');
  out.push(`total run time: ${runSeconds} s`);
  const jsonPath = writeJson({ machine, options, kinds, results, failures, ratios, targets, runSeconds });
  const shownPath = path.relative(process.cwd(), jsonPath);
  out.push(`JSON: ${shownPath.startsWith('..') ? jsonPath : shownPath}`);
  return out.join('\n');
}
