import type { ClockEstimate } from '@/lib/compare/clock';
import type { LaneId } from '@/lib/compare/lanes';
import type { CompareDraft, CompareDraftField } from '@/lib/compare/query';
import type { Schedule, ScheduledMessage } from '@/lib/compare/schedule';

/** A message a lane received, and when the page first painted it. */
export interface ShownMessage extends ScheduledMessage {
  /** The animation frame that first painted it, on the server's clock; null until then. */
  shownAt: number | null;
}

/** What one lane has done so far in this run. Counters only grow; nothing derived is kept. */
export interface LaneState {
  /** Requests sent (each `fetch` the lane made). */
  requests: number;
  /** Request and response heads counted so far, in bytes. */
  headerBytes: number;
  /** Response bodies counted so far, in bytes (as they arrived, before any decompression). */
  bodyBytes: number;
  /** Requests whose size could not be counted: stopped before their answer arrived. */
  uncounted: number;
  /** Answers whose size is still being measured (waiting for their Resource Timing entry). */
  measuring: number;
  /** The messages received, in the order of `i`. */
  messages: ShownMessage[];
  /** The lane has received every message and sends nothing more. */
  received: boolean;
  /** Why the lane failed, in words; null while it has not. */
  error: string | null;
}

export const EMPTY_LANE: Readonly<LaneState> = Object.freeze({
  requests: 0,
  headerBytes: 0,
  bodyBytes: 0,
  uncounted: 0,
  measuring: 0,
  messages: [],
  received: false,
  error: null,
});

/**
 * `idle` before Start; `syncing` while the page measures the server's clock; `running` until
 * Stop (then `stopped`) or Reset. A run that has finished is still `running`: finishing is
 * derived from the lanes (`selectFinished`). `error`: the run could not start.
 */
export type CompareStatus = 'idle' | 'syncing' | 'running' | 'stopped' | 'error';

export interface CompareRun {
  schedule: Schedule;
  clock: ClockEstimate;
  /** The protocol of the lanes' answers as Resource Timing names it ('http/1.1', 'h2'…), once one is measured. */
  protocol: string | null;
}

export interface CompareActions {
  edit(field: CompareDraftField, value: string): void;
  /** Checks the form; when valid, measures the clock and starts all four lanes on one schedule. */
  start(): void;
  /** Ends every lane's request at once; the figures so far stay. */
  stop(): void;
  /** Stops, and clears the lanes and the reading. */
  reset(): void;
}

export interface CompareState {
  draft: CompareDraft;
  /** Show every field's error (after Start with bad input), not only those of fields already edited. */
  showAllErrors: boolean;
  status: CompareStatus;
  /** Why the run could not start. */
  error: string | null;
  run: CompareRun | null;
  lanes: Record<LaneId, LaneState>;
  actions: CompareActions;
}
