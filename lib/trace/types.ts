import type { StreamParams } from '@/lib/contract/params';

/**
 * What the client observed on the wire, in order. `atMs` is the arrival time in milliseconds
 * since the first response opened (so the first `open` is at 0); the clock is the caller's.
 * A client that reconnects (the browser's EventSource always does) reports `reconnect` when a
 * connection ends and another `open` when the next one does.
 */
export type StreamEvent =
  | { type: 'open'; atMs: number }
  | { type: 'frame'; atMs: number; data: string; id?: string; event?: string }
  | {
      type: 'reconnect';
      atMs: number;
      /** `ended`: the server ended the response; `cut`: the connection broke mid-stream. */
      cause: 'ended' | 'cut';
      /** The wait before reconnecting, when the client knows it. */
      retryMs: number | null;
      /** The id of the last message received: the next request carries it as `Last-Event-ID`. */
      lastEventId: string | null;
    }
  | { type: 'end'; atMs: number; reason: EndReason }
  | { type: 'error'; atMs: number; message: string };

/**
 * `complete`: the generator ended and the server closed. `stopped`: the client disconnected.
 * `no-content`: the server answered a reconnect with 204, and EventSource stopped for good.
 * `closed-after-last` / `closed-on-end`: the page closed its EventSource itself, after the last
 * message it expected or on the server's `event: end`.
 */
export type EndReason = 'complete' | 'stopped' | 'no-content' | 'closed-after-last' | 'closed-on-end';

/** The seed's Connection State column. */
export type ConnectionState = 'Open' | 'Closed';

/**
 * What a row of the Execution Table records: the seed's start, yields and end, and what a real
 * client adds to them (a Stop, an error, a reconnect and the connection it opens, a 204, the
 * page closing its EventSource).
 */
export type RowKind = 'start' | 'yield' | 'end' | 'stopped' | 'error' | 'reconnect' | 'reopen' | 'no-content' | 'closed';

/** One row of the seed's Execution Table, plus when it happened. */
export interface ExecutionRow {
  /** 1-based, as in the seed. */
  step: number;
  kind: RowKind;
  /** "Start event_stream generator", "Yield 'data: Message 0\n\n'", "Generator ends"… */
  action: string;
  /** The event's data, or null where nothing was sent (shown as `None`). */
  dataSent: string | null;
  /** The sleep that follows this step, in seconds (the seed's "Sleep Time (s)"); null when it waits for the presenter. */
  sleepSeconds: number | null;
  connection: ConnectionState;
  /** The loop variable after this step: null before the loop, the frame's index on a yield. */
  i: number | null;
  /** Milliseconds since open: observed arrival, or the scheduled time in an expected trace. */
  atMs: number;
  /** The frame exactly as encoded on the wire; null where nothing was sent. */
  frame: string | null;
  /** On a reconnect: the id the next request carries as `Last-Event-ID`, if any. */
  resumeFrom?: string;
}

/** The lesson's Execution Table, either predicted from parameters or built from live events. */
export interface Trace {
  source: 'expected' | 'observed';
  params: StreamParams;
  rows: readonly ExecutionRow[];
  /** True once the stream has ended, for whatever reason; later events are ignored. */
  finished: boolean;
}

/** Where the connection is, as the page shows it: before a request, waiting for headers, open, ended, failed. */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'closed' | 'error';
