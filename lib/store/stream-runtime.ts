import { LAST_EVENT_ID_HEADER, endsWithNoContent } from '@/lib/contract/event-id';
import { hasEventIds } from '@/lib/contract/params';
import { streamAddress } from '@/lib/contract/stream-query';
import type { StreamEvent } from '@/lib/trace/types';
import { MAX_BATCH, createBatcher } from './frame-batcher';
import { runEventSource } from './read-event-source';
import { readEventStream } from './read-event-stream';
import { appendWire, type WireLog, type WireLogEntry } from '@/lib/lab/wire-log';
import type { StreamConnection, StreamConnectionOptions } from './stream-connection-types';

/*
 * The run's connection, as it really works: loaded on the first Run (with the fetch and EventSource clients
 * and the one reader, lib/sse/read.ts), not with the page. `stream-connection.ts` is the part the page loads.
 */

/** EventSource's wait before reconnecting when the server sends no `retry:` (Chromium's and Firefox's). */
export const DEFAULT_RETRY_MS = 3000;

/**
 * Opens the stream over `transport` and feeds what arrives, in batches. With `fetch`, a run whose
 * frames carry ids resumes after a cut as EventSource would: it waits the `retry:` the server sent
 * (else 3 s) and asks again with `Last-Event-ID`. It does not reconnect after a normal end: only
 * EventSource does that.
 */
export function connect(options: StreamConnectionOptions): StreamConnection {
  const { transport, fetchImpl, now, scheduleFlush, onEvents, onWire, onStreamId } = options;
  const { params } = options;
  const url = streamAddress(params, options.baseUrl);
  // One batch for both, so a frame's row and its bytes reach the page in the same render.
  const batcher = createBatcher<{ event: StreamEvent } | { wire: WireLogEntry }>(
    (batch) => {
      const wireEntries = batch.flatMap((entry) => ('wire' in entry ? [entry.wire] : []));
      const streamEvents = batch.flatMap((entry) => ('event' in entry ? [entry.event] : []));
      const wireUpdate = wireEntries.length > 0 ? (log: WireLog) => appendWire(log, wireEntries) : undefined;
      if (streamEvents.length > 0) onEvents(streamEvents, wireUpdate);
      else if (wireUpdate) onWire(wireUpdate);
      // The frames' bytes do not count toward a frame's batch: a burst drains as fast with the wire panel as without.
    },
    scheduleFlush,
    MAX_BATCH,
    (entry) => 'event' in entry,
  );
  /** Which connection of the run the bytes now arriving belong to: a reconnect starts the next. */
  let connection = 1;
  const wire = { push: (entry: WireLogEntry) => batcher.push({ wire: entry }) };
  const requestedAt = now();
  let startedAt: number | null = null;
  let closed = false;
  let stopSource: (() => void) | null = null;
  let cutCurrent: (() => boolean) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const since = () => Math.max(0, now() - (startedAt ?? requestedAt));
  const push = (event: StreamEvent) => {
    if (event.type === 'open') startedAt ??= now();
    if (event.type === 'reconnect') connection += 1;
    batcher.push({ event });
  };

  if (transport === 'eventsource') {
    {
      const source = runEventSource({
        url,
        now,
        onEvent: push,
        onStreamId,
        retryMs: params.retryMs ?? null,
        frames: params.n,
        endsWith204: endsWithNoContent(params),
        closeOnEndEvent: params.end === 'event',
        closeAfterLast: options.closeAfterLast,
      });
      stopSource = () => source.close();
    }
  } else {
    let lastEventId: string | null = null;
    let retryMs = DEFAULT_RETRY_MS;
    const request = (resumeFrom: string | null) => {
      const abort = new AbortController();
      let opened = false;
      let cutByUs = false;
      stopSource = () => abort.abort();
      cutCurrent = () => {
        if (!opened || abort.signal.aborted) return false;
        cutByUs = true;
        abort.abort();
        return true;
      };
      const resume = (cause: 'cut') => {
        push({ type: 'reconnect', atMs: since(), cause, retryMs, lastEventId });
        retryTimer = setTimeout(() => !closed && request(lastEventId), retryMs);
      };
      void readEventStream({
        url,
        signal: abort.signal,
        fetchImpl,
        now,
        startedAt: startedAt ?? undefined,
        headers: resumeFrom === null ? {} : { [LAST_EVENT_ID_HEADER]: resumeFrom },
        onStreamId,
        wire: {
          chunk: (chunk) => wire.push({ kind: 'chunk', chunk: { ...chunk, connection } }),
          item: (item) => {
            if (item.kind === 'retry') retryMs = item.retryMs;
            wire.push({ kind: 'item', item });
          },
        },
        onEvent: (event) => {
          if (event.type === 'open') opened = true;
          if (event.type === 'frame' && event.id !== undefined) lastEventId = event.id;
          // A connection lost mid-stream resumes when the frames carry ids; otherwise the run fails, as it always has.
          if (event.type === 'error' && opened && hasEventIds(params) && event.message.startsWith('connection lost')) return resume('cut');
          push(event);
        },
      }).then(() => {
        if (!cutByUs || closed) return;
        if (hasEventIds(params)) resume('cut');
        else
          push({
            type: 'error',
            atMs: since(),
            message: 'connection lost (cut by this page); without ids there is nowhere to resume from',
          });
      });
    };
    request(null);
  }

  return {
    elapsedMs: since,
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      batcher.flushAll();
      batcher.cancel();
      stopSource?.();
    },
    cut: () => cutCurrent?.() ?? false,
  };
}
