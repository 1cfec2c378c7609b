import type { StreamEvent } from '@/lib/trace/types';
import { createBatcher, type ScheduleFlush } from './frame-batcher';

export interface StreamConnectionOptions {
  url: string;
  fetchImpl: typeof fetch;
  now: () => number;
  scheduleFlush: ScheduleFlush;
  /** What arrived, at most once per animation frame (and at once on `close`). */
  onEvents: (batch: StreamEvent[]) => void;
  /** A step-mode stream's id, which only this client learns. */
  onStreamId: (id: string) => void;
}

/** One live request to `GET /api/stream`. Not state: nothing renders from it. */
export interface StreamConnection {
  /** Milliseconds since the response opened (since the request, before it did). */
  elapsedMs(): number;
  /** Delivers what had already arrived, then disconnects; the server's generator stops. */
  close(): void;
}

/**
 * Opens the stream and feeds what arrives, in batches, to `onEvents`. The reader (and
 * eventsource-parser) loads on the first connection, not with the page.
 */
export function openStreamConnection({
  url,
  fetchImpl,
  now,
  scheduleFlush,
  onEvents,
  onStreamId,
}: StreamConnectionOptions): StreamConnection {
  const abort = new AbortController();
  const batcher = createBatcher<StreamEvent>(onEvents, scheduleFlush);
  let openedAt = now();
  void import('./read-event-stream').then(({ readEventStream }) =>
    readEventStream({
      url,
      signal: abort.signal,
      fetchImpl,
      now,
      onEvent: (event) => {
        if (event.type === 'open') openedAt = now();
        batcher.push(event);
      },
      onStreamId: (id) => {
        if (!abort.signal.aborted) onStreamId(id);
      },
    }),
  );
  return {
    elapsedMs: () => Math.max(0, now() - openedAt),
    close() {
      batcher.flushAll();
      batcher.cancel();
      abort.abort();
    },
  };
}
