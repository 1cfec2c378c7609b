import type { Trace } from './types';

/**
 * Replay: a cursor is how many rows of a trace are shown (1 … M); null follows the live end.
 * Pure, so the timeline, the keyboard and share links all move through a trace the same way.
 */
export type Cursor = number | null;

/** Clamps a cursor to a trace with `total` rows; null (the live end) stays null. */
export function clampCursor(cursor: Cursor, total: number): Cursor {
  if (cursor === null) return null;
  return Math.max(Math.min(total, 1), Math.min(total, Math.round(cursor)));
}

/** "Step N of M": the rows shown and the rows there are. */
export function stepPosition(trace: Trace, cursor: Cursor): { shown: number; total: number } {
  const total = trace.rows.length;
  return { shown: clampCursor(cursor, total) ?? total, total };
}

/** The trace as it was when `cursor` rows had happened. */
export function traceAtCursor(trace: Trace, cursor: Cursor): Trace {
  const { shown, total } = stepPosition(trace, cursor);
  if (shown === total) return trace;
  return { ...trace, rows: trace.rows.slice(0, shown), finished: false };
}

/** The cursor one row back (never before the first row). */
export function cursorBack(trace: Trace, cursor: Cursor): Cursor {
  const { shown } = stepPosition(trace, cursor);
  return Math.max(1, shown - 1);
}

/** The cursor one row on; reaching the last row follows the live end again. */
export function cursorForward(trace: Trace, cursor: Cursor): Cursor {
  const { shown, total } = stepPosition(trace, cursor);
  return shown + 1 >= total ? null : shown + 1;
}

/** How long playback waits before showing the next row: the recorded spacing, sped up or slowed down. */
export function playbackDelayMs(trace: Trace, cursor: Cursor, speed: number): number | null {
  const { shown, total } = stepPosition(trace, cursor);
  if (shown >= total) return null;
  const gap = trace.rows[shown]!.atMs - trace.rows[shown - 1]!.atMs;
  return Math.max(0, gap) / speed;
}
