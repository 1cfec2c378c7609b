import { encodeEvent } from '@/lib/sse/encode';
import { isStepMode, type StreamParams } from '@/lib/contract/params';
import { pythonStringLiteral } from './format';
import type { ExecutionRow, StreamEvent, Trace } from './types';

export const START_ACTION = 'Start event_stream generator';
export const END_ACTION = 'Generator ends';
export const STOPPED_ACTION = 'Client disconnects (Stop)';

function assertNever(value: never): never {
  throw new Error(`Unhandled stream event: ${JSON.stringify(value)}`);
}

/** An empty trace, before anything has happened. */
export function emptyTrace(params: StreamParams, source: Trace['source'] = 'observed'): Trace {
  return { source, params, rows: [], finished: false };
}

/**
 * The row an event adds to a trace whose rows are `rows`, or null if it adds none.
 * `i` on a yield is the number of frames before it: the server counts from 0, as `range(n)` does.
 */
function rowFor(params: StreamParams, rows: readonly ExecutionRow[], event: StreamEvent): ExecutionRow | null {
  const step = rows.length + 1;
  const lastI = rows.at(-1)?.i ?? null;
  const closed = { dataSent: null, sleepSeconds: 0, connection: 'Closed', i: lastI, atMs: event.atMs, frame: null } as const;
  switch (event.type) {
    case 'open':
      return rows.length > 0
        ? null
        : { step, kind: 'start', action: START_ACTION, dataSent: null, sleepSeconds: 0, connection: 'Open', i: null, atMs: 0, frame: null };
    case 'frame': {
      const frame = encodeEvent({ data: event.data, id: event.id, event: event.event });
      return {
        step,
        kind: 'yield',
        action: `Yield ${pythonStringLiteral(frame)}`,
        dataSent: event.data,
        sleepSeconds: isStepMode(params) ? null : params.delayMs / 1000,
        connection: 'Open',
        i: lastI === null ? 0 : lastI + 1,
        atMs: event.atMs,
        frame,
      };
    }
    case 'end':
      return event.reason === 'complete'
        ? { ...closed, step, kind: 'end', action: END_ACTION }
        : { ...closed, step, kind: 'stopped', action: STOPPED_ACTION };
    case 'error':
      return { ...closed, step, kind: 'error', action: `Error: ${event.message}` };
    default:
      return assertNever(event);
  }
}

/**
 * Adds live events to a trace, in order. Pure: the same trace and events give the same result.
 * A frame before `open` implies the open (the response must have opened to carry it); anything
 * after the stream finished is ignored.
 */
export function reduceEvents(trace: Trace, events: readonly StreamEvent[]): Trace {
  if (trace.finished || events.length === 0) return trace;
  const rows = trace.rows.slice();
  let finished = false;
  for (const event of events) {
    if (finished) break;
    if (rows.length === 0 && event.type !== 'open') rows.push(rowFor(trace.params, rows, { type: 'open', atMs: 0 })!);
    const row = rowFor(trace.params, rows, event);
    if (row) rows.push(row);
    finished = event.type === 'end' || event.type === 'error';
  }
  return { ...trace, rows, finished };
}

/** Adds one live event to a trace. */
export function reduceTrace(trace: Trace, event: StreamEvent): Trace {
  return reduceEvents(trace, [event]);
}

/**
 * How many frames a trace has sent, read off its last row (every row after a yield keeps that
 * yield's i), so a 10,000-row trace is not scanned on every render.
 */
export function framesSent(rows: readonly ExecutionRow[]): number {
  return (rows.at(-1)?.i ?? -1) + 1;
}

/** The latest yield row, found from the end (at most two rows back). */
export function lastYieldRow(rows: readonly ExecutionRow[]): ExecutionRow | undefined {
  for (let index = rows.length - 1; index >= 0; index--) if (rows[index]!.kind === 'yield') return rows[index];
  return undefined;
}
