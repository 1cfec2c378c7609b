import type { ExecutionRow } from '@/lib/trace/types';

/** EventSource's `readyState`, by name. */
export type ReadyState = 'CONNECTING' | 'OPEN' | 'CLOSED';

/** A stretch of the run spent in one ready state, in milliseconds since the first open. */
export interface ReadyStateSpan {
  state: ReadyState;
  fromMs: number;
  /** Null while it lasts. */
  toMs: number | null;
}

/** The state a row leaves the client in; null when the row changes nothing. */
function stateAfter(row: ExecutionRow): ReadyState | null {
  switch (row.kind) {
    case 'start':
    case 'reopen':
      return 'OPEN';
    case 'reconnect':
      return 'CONNECTING';
    case 'end':
    case 'stopped':
    case 'error':
    case 'no-content':
    case 'closed':
      return 'CLOSED';
    case 'yield':
      return null;
  }
}

/**
 * The run as EventSource's `readyState` goes: CONNECTING until the first response opens, OPEN,
 * CONNECTING again while it waits to reconnect, and so on, until CLOSED. Read off the trace, so
 * it is the same for a live run and its recording.
 */
export function readyStateTimeline(rows: readonly ExecutionRow[]): ReadyStateSpan[] {
  const spans: ReadyStateSpan[] = [{ state: 'CONNECTING', fromMs: 0, toMs: null }];
  for (const row of rows) {
    const state = stateAfter(row);
    const current = spans.at(-1)!;
    if (state === null || state === current.state) continue;
    current.toMs = row.atMs;
    spans.push({ state, fromMs: row.atMs, toMs: null });
  }
  // The request's own wait is not on the trace's clock (it starts at the first open): drop it.
  if (spans.length > 1 && spans[0]!.toMs === 0) spans.shift();
  const last = spans.at(-1)!;
  if (last.state === 'CLOSED') last.toMs = last.fromMs;
  return spans;
}
