import type { StreamParams } from '@/lib/contract/params';
import type { WireLog } from '@/lib/lab/wire-log';
import type { StreamEvent } from '@/lib/trace/types';
import type { ScheduleFlush } from './next-frame';
import type { Transport } from '@/lib/contract/transport';

/*
 * The connection's contract, apart from both halves: stream-connection.ts (in the first load)
 */

export type { Transport } from '@/lib/contract/transport';

export interface StreamConnectionOptions {
  transport: Transport;
  /** EventSource only: close it after the run's last message. */
  closeAfterLast: boolean;
  /** The stream's path (`/api/stream`): the runtime adds the parameters' query. */
  baseUrl: string;
  params: StreamParams;
  fetchImpl: typeof fetch;
  now: () => number;
  scheduleFlush: ScheduleFlush;
  /**
   * What arrived, at most once per animation frame (and at once on `close`), with the change to
   * the wire log that came with it, if any: one store update a batch, not two.
   */
  onEvents: (batch: StreamEvent[], wire?: (log: WireLog) => WireLog) => void;
  /**
   * The bytes and what they parse to (fetch only: EventSource shows a page no bytes), as a change
   * to the wire log, for a batch that holds no event (a partial frame, a comment); what makes it
   * loads with the rest of the runtime.
   */
  onWire: (update: (log: WireLog) => WireLog) => void;
  /** A step-mode stream's id, which only this client learns. */
  onStreamId: (id: string) => void;
}

/** One live run of `GET /api/stream`, over one connection or (reconnecting) several. */
export interface StreamConnection {
  /** Milliseconds since the first response opened (since the request, before it did). */
  elapsedMs(): number;
  /** Delivers what had already arrived, then disconnects for good; the server's generator stops. */
  close(): void;
  /** Breaks the current connection as a network would, mid-stream; false when there is none to break. */
  cut(): boolean;
}
