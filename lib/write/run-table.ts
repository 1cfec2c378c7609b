import { checkYields, type DispatchedEvent, type Finding } from './frame-rules';
import type { YieldRecord, YieldValue } from './yields';

/**
 * The Execution Table and the Variable Tracker of a student's own generator, from what the runner
 * (CPython in the browser, `sys.settrace` on the generator's frame) reported, step by step.
 *
 * The table keeps the seed's shape, so the seed's program gives the seed's rows cell for cell:
 * one row for the start, one per `yield`, one for the end (a `return`, an exception, or a Stop).
 * A `time.sleep` is not a row of its own: as in the seed, it is the Sleep Time of the step it
 * follows (several in a row add up). Data Sent is what a browser's EventSource dispatched because
 * of that yield's bytes (its blank line), so a yield without one sends nothing yet, and the next
 * yield may dispatch two lines of data at once. Pure: time comes in as numbers.
 */

/** A generator's locals when a step happened: each name with Python's `repr` of its value, as the runner sends it. */
export type Locals = Readonly<Record<string, string>>;

/** One step of the student's generator, as the runner reports it, in order. `atMs` is from the request. */
export type RunStep =
  /** The generator was called and its first line is about to run. */
  | { kind: 'start'; line: number; atMs: number; locals: Locals }
  /** A `yield`: its value, and Python's own `repr` of it (`'data: Message 0\n\n'`, `b'...'`, `42`). */
  | { kind: 'yield'; line: number; value: YieldValue; repr: string; atMs: number; locals: Locals }
  | { kind: 'sleep'; line: number; seconds: number; atMs: number; locals: Locals }
  /** The generator returned (fell off its end, or `return`): Flask ends the response. */
  | { kind: 'return'; line: number; atMs: number; locals: Locals }
  /** An exception left the generator: Flask's server cuts the response where it was. */
  | { kind: 'exception'; line: number; pythonType: string; message: string; atMs: number; locals: Locals }
  /** The run was ended from outside: the student's Stop, or a limit (`reason` says which, in a sentence). */
  | { kind: 'stopped'; atMs: number; reason: string };

export type RunRowKind = 'start' | 'yield' | 'end' | 'exception' | 'stopped';

/** One row of the student's Execution Table. */
export interface RunRow {
  /** 1-based, as in the seed. */
  step: number;
  kind: RunRowKind;
  /** The student's source line that ran (null for a Stop, which happens outside the code). */
  line: number | null;
  /** "Start event_stream generator", "Yield 'data: Message 0\n\n'", "Generator ends", "ValueError: bad (line 7)". */
  action: string;
  /** What EventSource dispatched because of this step's bytes: none, one, or several events. */
  dataSent: readonly DispatchedEvent[];
  /** The seconds the generator slept after this step, before its next one. */
  sleepSeconds: number;
  /** The lines of those sleeps, so the code panel can point at them. */
  sleepLines: readonly number[];
  connection: 'Open' | 'Closed';
  atMs: number;
  /** On a yield row: the yield's index among the run's yields (what findings point at). */
  yieldIndex: number | null;
}

/** One column of the Variable Tracker: "Start", "After 1"… (one per yield), "Final". */
export interface TrackerColumn {
  label: string;
  /** The step it shows the generator after. */
  step: number;
  /** Each local's repr then, or null where it had no value yet (or no longer). */
  values: Readonly<Record<string, string | null>>;
  connection: 'Open' | 'Closed';
}

export interface RunTable {
  rows: RunRow[];
  /** The generator's locals in the order they first got a value. */
  names: string[];
  columns: TrackerColumn[];
  /** The rule checker's findings on the yields that reached the wire. */
  findings: Finding[];
  /** Whether the response has ended (the generator finished, failed, was stopped, or yielded what Flask cannot send). */
  ended: boolean;
}

export interface RunTableOptions {
  /** The generator function's name, for the start row ("Start event_stream generator"). */
  generatorName: string;
}

/**
 * Builds the tables from the steps reported so far (call it again as more arrive). A yield of
 * something that is not `str` or `bytes` ends the response there, as Flask's server does: its
 * row closes the connection, and any step reported after it is not part of the response.
 */
export function runTable(steps: readonly RunStep[], { generatorName }: RunTableOptions): RunTable {
  const kept = untilResponseEnds(steps);
  const yields: YieldRecord[] = [];
  for (const step of kept) {
    if (step.kind === 'yield') yields.push({ index: yields.length, line: step.line, value: step.value, atMs: step.atMs });
  }
  const last = kept.at(-1);
  const ended = last !== undefined && (last.kind !== 'yield' ? isEnd(last) : last.value.kind === 'other');
  const { findings, dispatched } = checkYields(yields, { ended, nowMs: last?.atMs });

  const rows: RunRow[] = [];
  let yieldIndex = 0;
  for (const step of kept) {
    if (step.kind === 'sleep') {
      const previous = rows.at(-1);
      // A sleep before the generator has started cannot happen: the runner reports the start first.
      if (previous) rows[rows.length - 1] = withSleep(previous, step);
      continue;
    }
    const row = rowOf(step, rows.length + 1, generatorName);
    if (step.kind === 'yield') {
      const index = yieldIndex++;
      rows.push({
        ...row,
        yieldIndex: index,
        dataSent: dispatched.filter((event) => event.yieldIndex === index),
        connection: step.value.kind === 'other' ? 'Closed' : 'Open',
      });
    } else rows.push(row);
  }
  const { names, columns } = tracker(kept);
  return { rows, names, columns, findings, ended };
}

function untilResponseEnds(steps: readonly RunStep[]): RunStep[] {
  const end = steps.findIndex((step) => isEnd(step) || (step.kind === 'yield' && step.value.kind === 'other'));
  return end === -1 ? [...steps] : steps.slice(0, end + 1);
}

const isEnd = (step: RunStep) => step.kind === 'return' || step.kind === 'exception' || step.kind === 'stopped';

function rowOf(step: Exclude<RunStep, { kind: 'sleep' }>, number: number, generatorName: string): RunRow {
  const base = { step: number, dataSent: [], sleepSeconds: 0, sleepLines: [], atMs: step.atMs, yieldIndex: null };
  switch (step.kind) {
    case 'start':
      return { ...base, kind: 'start', line: step.line, action: `Start ${generatorName} generator`, connection: 'Open' };
    case 'yield':
      return { ...base, kind: 'yield', line: step.line, action: `Yield ${step.repr}`, connection: 'Open' };
    case 'return':
      return { ...base, kind: 'end', line: step.line, action: 'Generator ends', connection: 'Closed' };
    case 'exception': {
      const raised = step.message ? `${step.pythonType}: ${step.message}` : step.pythonType;
      return { ...base, kind: 'exception', line: step.line, action: `${raised} (line ${step.line})`, connection: 'Closed' };
    }
    case 'stopped':
      return { ...base, kind: 'stopped', line: null, action: step.reason, connection: 'Closed' };
  }
}

function withSleep(row: RunRow, sleep: Extract<RunStep, { kind: 'sleep' }>): RunRow {
  // Added in milliseconds and back, so 0.1 + 0.2 shows as 0.3 as a student would write it.
  const seconds = Math.round(row.sleepSeconds * 1000 + sleep.seconds * 1000) / 1000;
  return { ...row, sleepSeconds: seconds, sleepLines: [...row.sleepLines, sleep.line] };
}

/**
 * The seed's Variable Tracker for any generator: a column at the start, after each yield, and at
 * the end, each with every local's value then.
 */
function tracker(steps: readonly RunStep[]): { names: string[]; columns: TrackerColumn[] } {
  const names: string[] = [];
  const columns: TrackerColumn[] = [];
  let yields = 0;
  let step = 0;
  for (const item of steps) {
    if (item.kind === 'sleep') continue;
    step += 1;
    if (item.kind === 'stopped') {
      // Stopped from outside: the locals are as the last column left them.
      const previous = columns.at(-1);
      if (previous) columns.push({ ...previous, label: 'Final', step, connection: 'Closed' });
      continue;
    }
    for (const name of Object.keys(item.locals)) if (!names.includes(name)) names.push(name);
    const label = item.kind === 'start' ? 'Start' : item.kind === 'yield' ? `After ${++yields}` : 'Final';
    const closed = item.kind === 'return' || item.kind === 'exception' || (item.kind === 'yield' && item.value.kind === 'other');
    columns.push({ label, step, values: item.locals, connection: closed ? 'Closed' : 'Open' });
  }
  return {
    names,
    columns: columns.map((column) => ({
      ...column,
      values: Object.fromEntries(names.map((name) => [name, column.values[name] ?? null])),
    })),
  };
}
