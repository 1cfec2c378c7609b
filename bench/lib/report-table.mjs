// The report's table: one row per figure, one column per server, and next/floor where the ratio
// means something (both servers ran, and the figure is a cost or a speed).
import { MEMORY_STREAMS } from './cli.mjs';
import { MB, round } from './units.mjs';

export const ratio = (a, b) => (a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b);
export const cell = (value) => (value === null || value === undefined ? '–' : String(value));
const num = (digits) => (value) => (value === null || value === undefined ? null : Number(value).toFixed(digits));
const signed = (v) => (v === null ? null : `${v >= 0 ? '+' : ''}${Number(v).toFixed(1)}`);
const heapChange = (r) => {
  const m = r.memory;
  if (m?.idleHeapUsed == null) return null;
  return `${(m.idleHeapUsed / 2 ** 20).toFixed(1)} → ${(m.afterAbortHeapUsed / 2 ** 20).toFixed(1)}`;
};
const loopDelay = (r) => (r.benchLoopDelayP99Ms === undefined ? null : `${r.benchLoopDelayP99Ms} / ${r.benchLoopDelayMaxMs}`);

/** [label, value for one server, format, whether next/floor means something]; a label alone is a heading. */
function rows({ frames, delay }) {
  return [
    ['streams', null],
    ['streams requested', (r) => r.requested, String, false],
    ['streams completed', (r) => r.completed, String, false],
    [`frames lost (of streams × ${frames})`, (r) => r.framesLost, String, false],
    ['frames not as sent', (r) => r.badFrames, String, false],
    ['peak concurrent streams', (r) => r.peakOpen, String, false],
    ['still open when the last one opened', (r) => r.openAtAllOpen, String, false],
    ['opening', null],
    ['time until every stream had a frame (s)', (r) => r.openSeconds, num(2), true],
    ['open rate (streams/s)', (r) => r.openRate, num(0), true],
    ['connect p50 (ms)', (r) => r.connectMs.p50, num(1), true],
    ['connect p99 (ms)', (r) => r.connectMs.p99, num(1), true],
    ['first frame p99 (ms)', (r) => r.firstFrameMs.p99, num(1), true],
    [`pacing error: gap − ${delay} ms`, null],
    ['steady p50 (ms)', (r) => r.pacingSteadyMs.p50, num(2), false],
    ['steady p99 (ms)', (r) => r.pacingSteadyMs.p99, num(2), true],
    ['steady max (ms)', (r) => r.pacingSteadyMs.max, num(2), true],
    ['steady gaps counted', (r) => r.pacingSteadyMs.samples, String, false],
    ['all gaps p99 (ms)', (r) => r.pacingAllMs.p99, num(2), true],
    ['server cost', null],
    ['server CPU during the load (s)', (r) => r.serverCpuSeconds, num(2), true],
    ['server CPU per stream (ms)', (r) => r.cpuMsPerStream, num(3), true],
    ['idle RSS before the load (MB)', (r) => MB(r.idleRssBeforeLoadKB), num(1), true],
    ['RSS when the last stream opened (MB)', (r) => MB(r.rssAtAllOpenKB), num(1), true],
    ['peak RSS, sampled / 100 ms (MB)', (r) => MB(r.peakRssSampledKB), num(1), true],
    ['peak RSS, VmHWM (MB)', (r) => MB(r.vmHwmKB), num(1), true],
    ['RSS per open stream, no GC (KB)', (r) => r.rssPerOpenStreamKB, num(1), true],
    ['streams open after the load (health)', (r) => r.activeAfterLoad, String, false],
    ['idle RSS after the load, GC (MB)', (r) => MB(r.idleRssAfterLoadKB), num(1), false],
    [`memory: ${MEMORY_STREAMS} streams held, then aborted`, null],
    ['idle RSS after warm-up + GC (MB)', (r) => MB(r.memory?.idleRssKB), num(1), false],
    ['RSS per held idle stream, after GC (KB)', (r) => r.memory?.rssPerHeldStreamKB, num(1), true],
    ['JS heap per held idle stream (KB)', (r) => r.memory?.heapPerHeldStreamKB, num(1), true],
    ['open after abort (health)', (r) => r.memory?.activeAfterAbort, String, false],
    ['RSS after abort + GC (MB)', (r) => MB(r.memory?.afterAbortRssKB), num(1), false],
    ['JS heap used, idle → after abort (MB)', heapChange, String, false],
    ['RSS change vs idle (%)', (r) => r.memory?.deltaPct, signed, false],
    ['load generator (this process)', null],
    ['bench CPU during the load (s)', (r) => r.benchCpuSeconds, num(2), false],
    ['bench event-loop delay p99 / max (ms)', loopDelay, String, false],
    ['time for this server, all phases (s)', (r) => r.runSeconds, num(0), false],
  ];
}

const LABEL = 42;
const WIDTH = 15;
const pad = (text, width) => String(text).padStart(width);

/** A figure of one server's record, or null when that record lacks it. */
function valueOf(get, result) {
  try {
    return get(result);
  } catch {
    return null;
  }
}

/**
 * The table's lines, and the next/floor ratio of every row that has one (for the JSON).
 * `kinds` are the servers that ran, in order; `results` their records by kind.
 */
export function reportTable({ kinds, results, frames, delay, flaskStreams }) {
  const columns = kinds.map((kind) => (kind === 'flask' ? `flask (${flaskStreams})` : kind));
  const showRatio = Boolean(results.next && results.floor);
  const lines = [];
  lines.push(`${'metric'.padEnd(LABEL)}${columns.map((c) => pad(c, WIDTH)).join('')}${showRatio ? pad('next/floor', WIDTH) : ''}`);
  lines.push('─'.repeat(LABEL + WIDTH * (columns.length + (showRatio ? 1 : 0))));
  const ratios = {};
  for (const [label, get, format, hasRatio] of rows({ frames, delay })) {
    if (!get) {
      lines.push(label);
      continue;
    }
    const values = kinds.map((kind) => valueOf(get, results[kind]));
    let line = `  ${label}`.padEnd(LABEL) + values.map((v) => pad(cell(v === null || v === undefined ? null : format(v)), WIDTH)).join('');
    if (showRatio) {
      const r = hasRatio ? ratio(valueOf(get, results.next), valueOf(get, results.floor)) : null;
      if (r !== null) ratios[label] = round(r, 3);
      line += pad(r === null ? '' : `${r.toFixed(2)}×`, WIDTH);
    }
    lines.push(line);
  }
  return { lines, ratios };
}
