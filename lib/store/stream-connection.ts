import type { StreamParams } from '@/lib/contract/params';
import type { WireChunk, WireItemData } from '@/lib/lesson/wire-log';
import type { StreamEvent } from '@/lib/trace/types';
import { createBatcher, type ScheduleFlush } from './frame-batcher';

/** How the page reads the stream: `fetch` and a parser (the bytes are seen), or the browser's own `EventSource`. */
export type Transport = 'fetch' | 'eventsource';

/** A wire-panel entry, in the order it happened. */
export type WireEntry = { kind: 'chunk'; chunk: Omit<WireChunk, 'connection'> } | { kind: 'item'; item: WireItemData };

export interface StreamConnectionOptions {
  transport: Transport;
  url: string;
  params: StreamParams;
  fetchImpl: typeof fetch;
  now: () => number;
  scheduleFlush: ScheduleFlush;
  /** What arrived, at most once per animation frame (and at once on `close`). */
  onEvents: (batch: StreamEvent[]) => void;
  /** The bytes and what they parse to (fetch only: EventSource shows a page no bytes). */
  onWire: (batch: WireEntry[]) => void;
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

/** EventSource's wait before reconnecting when the server sends no `retry:` (Chromium's and Firefox's). */
export const DEFAULT_RETRY_MS = 3000;

// TODO(wire-contract merge): these fields arrive in StreamParams with the server's lab parameters.
type LabParams = StreamParams & { ids?: boolean; retryMs?: number; end?: 'close' | 'event' | '204' };

/** Whether frames carry ids, so a broken connection can resume after the last one. */
export const carriesIds = (params: LabParams) => params.ids === true || params.end === '204';

/**
 * Opens the stream over `transport` and feeds what arrives, in batches. With `fetch`, a run whose
 * frames carry ids resumes after a cut as EventSource would: it waits the `retry:` the server sent
 * (else 3 s) and asks again with `Last-Event-ID`. It does not reconnect after a normal end: only
 * EventSource does that. The readers (and eventsource-parser) load on the first run, not with the page.
 */
export function openStreamConnection(options: StreamConnectionOptions): StreamConnection {
  const { transport, url, fetchImpl, now, scheduleFlush, onEvents, onWire, onStreamId } = options;
  const params: LabParams = options.params;
  // One batch for both, so a frame's row and its bytes reach the page in the same render.
  const batcher = createBatcher<{ event: StreamEvent } | { wire: WireEntry }>((batch) => {
    const wireEntries = batch.flatMap((entry) => ('wire' in entry ? [entry.wire] : []));
    const streamEvents = batch.flatMap((entry) => ('event' in entry ? [entry.event] : []));
    if (wireEntries.length > 0) onWire(wireEntries);
    if (streamEvents.length > 0) onEvents(streamEvents);
  }, scheduleFlush);
  const wire = { push: (entry: WireEntry) => batcher.push({ wire: entry }) };
  const requestedAt = now();
  let startedAt: number | null = null;
  let closed = false;
  let stopSource: (() => void) | null = null;
  let cutCurrent: (() => boolean) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const since = () => Math.max(0, now() - (startedAt ?? requestedAt));
  const push = (event: StreamEvent) => {
    if (event.type === 'open') startedAt ??= now();
    batcher.push({ event });
  };

  if (transport === 'eventsource') {
    void import('./read-event-source').then(({ runEventSource }) => {
      if (closed) return;
      const source = runEventSource({
        url,
        now,
        onEvent: push,
        onStreamId,
        retryMs: params.retryMs ?? null,
        frames: params.n,
        endsWith204: params.end === '204',
      });
      stopSource = () => source.close();
    });
  } else {
    let lastEventId: string | null = null;
    let retryMs = DEFAULT_RETRY_MS;
    const connect = (resumeFrom: string | null) => {
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
        retryTimer = setTimeout(() => !closed && connect(lastEventId), retryMs);
      };
      void import('./read-event-stream').then(({ readEventStream }) =>
        readEventStream({
          url,
          signal: abort.signal,
          fetchImpl,
          now,
          startedAt: startedAt ?? undefined,
          headers: resumeFrom === null ? {} : { 'Last-Event-ID': resumeFrom },
          onStreamId,
          wire: {
            chunk: (chunk) => wire.push({ kind: 'chunk', chunk }),
            item: (item) => {
              if (item.kind === 'retry') retryMs = item.retryMs;
              wire.push({ kind: 'item', item });
            },
          },
          onEvent: (event) => {
            if (event.type === 'open') opened = true;
            if (event.type === 'frame' && event.id !== undefined) lastEventId = event.id;
            // A connection lost mid-stream resumes when the frames carry ids; otherwise the run fails, as it always has.
            if (event.type === 'error' && opened && carriesIds(params) && event.message.startsWith('connection lost')) return resume('cut');
            push(event);
          },
        }).then(() => {
          if (!cutByUs || closed) return;
          if (carriesIds(params)) resume('cut');
          else
            push({
              type: 'error',
              atMs: since(),
              message: 'connection lost (cut by this page); without ids there is nowhere to resume from',
            });
        }),
      );
    };
    connect(null);
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
