import { encodeEvent } from '@/lib/sse/encode';
import { isStepMode, type StreamParams } from '@/lib/contract/params';
import { pythonStringLiteral } from './format';
import type { ExecutionRow, StreamEvent, Trace } from './types';
import { assertNever } from '@/lib/contract/assert-never';

export const START_ACTION = 'Start event_stream generator';
export const END_ACTION = 'Generator ends';
export const STOPPED_ACTION = 'Client disconnects (Stop)';
export const NO_CONTENT_ACTION = 'The server answers 204 No Content: EventSource stops reconnecting';
export const CLOSED_AFTER_LAST_ACTION = 'The page calls source.close() after the last message: EventSource stops';
export const CLOSED_ON_END_ACTION = "The page calls source.close() on the 'end' event: EventSource stops";

/** An empty trace, before anything has happened. */
export function emptyTrace(params: StreamParams, source: Trace['source'] = 'observed'): Trace {
  return { source, params, rows: [], finished: false };
}

/** The loop variable a frame's id names: `4`, or a step stream's `<stream id>/4`; null for any other id. */
export function iFromId(id: string | undefined): number | null {
  const match = id === undefined ? null : /^(?:[^/]*\/)?(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}

/**
 * The loop variable after a frame. The server's `i` when the frame carries it as its id;
 * otherwise the count of the connection's frames, from 0 as `range(n)` counts. A named event
 * (`event: end`) is not a turn of the loop.
 */
function iAfterFrame(event: Extract<StreamEvent, { type: 'frame' }>, lastI: number | null): number | null {
  const named = iFromId(event.id);
  if (named !== null) return named;
  if (event.event !== undefined && event.event !== 'message') return lastI;
  return lastI === null ? 0 : lastI + 1;
}

function reconnectAction(event: Extract<StreamEvent, { type: 'reconnect' }>): string {
  const what = event.cause === 'ended' ? 'The response ends; the browser reconnects' : 'The connection is cut; the client reconnects';
  const when = event.retryMs === null ? '' : ` after ${event.retryMs / 1000} s`;
  const header = event.lastEventId === null ? '' : `, sending Last-Event-ID: ${event.lastEventId}`;
  return `${what}${when}${header}`;
}

/**
 * The row an event adds to a trace whose rows are `rows`, or null if it adds none.
 * `i` on a yield is the loop variable: see `iAfterFrame`.
 */
function rowFor(params: StreamParams, rows: readonly ExecutionRow[], event: StreamEvent): ExecutionRow | null {
  const step = rows.length + 1;
  const last = rows.at(-1);
  const lastI = last?.i ?? null;
  const closed = { dataSent: null, sleepSeconds: 0, connection: 'Closed', i: lastI, atMs: event.atMs, frame: null } as const;
  switch (event.type) {
    case 'open':
      if (rows.length === 0) {
        return {
          step,
          kind: 'start',
          action: START_ACTION,
          dataSent: null,
          sleepSeconds: 0,
          connection: 'Open',
          i: null,
          atMs: 0,
          frame: null,
        };
      }
      if (last?.kind !== 'reconnect') return null;
      // A new request: the generator starts over, unless the request said where to resume.
      return {
        ...closed,
        step,
        kind: 'reopen',
        action:
          last.resumeFrom === undefined
            ? 'The new connection opens; the generator starts over'
            : `The new connection opens; the server resumes after id ${last.resumeFrom}`,
        connection: 'Open',
        i: last.resumeFrom === undefined ? null : lastI,
      };
    case 'frame': {
      const frame = encodeEvent({ data: event.data, id: event.id, event: event.event });
      const named = event.event !== undefined && event.event !== 'message';
      return {
        step,
        kind: 'yield',
        action: `Yield ${pythonStringLiteral(frame)}`,
        dataSent: event.data,
        sleepSeconds: named ? 0 : isStepMode(params) ? null : params.delayMs / 1000,
        connection: 'Open',
        i: iAfterFrame(event, lastI),
        atMs: event.atMs,
        frame,
      };
    }
    case 'reconnect':
      return {
        ...closed,
        step,
        kind: 'reconnect',
        action: reconnectAction(event),
        sleepSeconds: event.retryMs === null ? 0 : event.retryMs / 1000,
        ...(event.lastEventId === null ? {} : { resumeFrom: event.lastEventId }),
      };
    case 'end':
      if (event.reason === 'complete') return { ...closed, step, kind: 'end', action: END_ACTION };
      if (event.reason === 'no-content') return { ...closed, step, kind: 'no-content', action: NO_CONTENT_ACTION };
      if (event.reason === 'closed-after-last') return { ...closed, step, kind: 'closed', action: CLOSED_AFTER_LAST_ACTION };
      if (event.reason === 'closed-on-end') return { ...closed, step, kind: 'closed', action: CLOSED_ON_END_ACTION };
      return { ...closed, step, kind: 'stopped', action: STOPPED_ACTION };
    case 'error':
      return { ...closed, step, kind: 'error', action: `Error: ${event.message}` };
    default:
      return assertNever(event, 'stream event');
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
