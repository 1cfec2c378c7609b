import { STREAM_ID_EVENT } from '@/lib/contract/protocol';
import { readRefusal } from '@/lib/http/read-refusal';
import type { WireChunk, WireItemData } from '@/lib/lab/wire-log';
import { readSse } from '@/lib/sse/read';
import { toStreamEvent } from '@/lib/trace/to-stream-event';
import type { StreamEvent } from '@/lib/trace/types';

/** What the wire panel is told: each read of the body, and what the parser made of it. */
export interface WireListener {
  chunk(chunk: Omit<WireChunk, 'connection'>): void;
  item(item: WireItemData): void;
}

export interface ReadEventStreamOptions {
  url: string;
  signal: AbortSignal;
  /** Called for every observed event, in order, with its time since the first response opened. */
  onEvent: (event: StreamEvent) => void;
  /** Called with a step-mode stream's id, which the server sends first (not a frame of the lesson). */
  onStreamId?: (id: string) => void;
  /** The bytes and what they parse to, for the wire panel. */
  wire?: WireListener;
  /** Request headers: a resume sends `Last-Event-ID`, as EventSource would. */
  headers?: Record<string, string>;
  /** When the run's first response opened (on `now`'s clock); this one's is used when absent. */
  startedAt?: number;
  fetchImpl?: typeof fetch;
  /** A monotonic clock in milliseconds. */
  now?: () => number;
}

/**
 * Opens the stream with `fetch` and reads it with the one reader (`readSse`), reporting what happens as
 * StreamEvents: `open`, a `frame` per message, then `end` or `error`. An `event: error` frame is
 * the server's way to report a failure after the stream started, so it becomes an `error`.
 * Aborting `signal` ends the read silently: whoever aborted knows why.
 */
export async function readEventStream({
  url,
  signal,
  onEvent,
  onStreamId,
  wire,
  headers = {},
  startedAt,
  fetchImpl = fetch,
  now = () => performance.now(),
}: ReadEventStreamOptions): Promise<void> {
  let openedAt = startedAt ?? 0;
  const since = () => Math.max(0, now() - openedAt);
  try {
    const response = await fetchImpl(url, { signal, cache: 'no-store', headers: { Accept: 'text/event-stream', ...headers } });
    openedAt = startedAt ?? now();
    if (!response.ok) {
      onEvent({ type: 'error', atMs: 0, message: (await readRefusal(response)).error });
      return;
    }
    if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      onEvent({ type: 'error', atMs: 0, message: 'the response was not an event stream' });
      return;
    }
    onEvent({ type: 'open', atMs: since() });

    let failed = false;
    await readSse(response.body, (read) => {
      const arrivedAt = since();
      if (read.bytes) wire?.chunk({ atMs: arrivedAt, text: read.text, bytes: read.bytes.byteLength });
      for (const item of read.items) {
        wire?.item(item);
        if (item.kind !== 'event' || failed) continue;
        if (item.event === STREAM_ID_EVENT) {
          onStreamId?.(item.data);
          continue;
        }
        const event = toStreamEvent(item, arrivedAt);
        failed = event.type === 'error';
        onEvent(event);
      }
      return !failed; // after an `event: error`, stop reading: the body is cancelled
    });
    if (failed) return;
    const endedAt = since();
    // A mark for `npm run bench:client`: when the last byte of the stream had been read.
    performance.mark('stepstream:stream-end');
    onEvent({ type: 'end', atMs: endedAt, reason: 'complete' });
  } catch (error) {
    if (signal.aborted) return;
    const reason = error instanceof Error ? error.message : String(error);
    onEvent({ type: 'error', atMs: since(), message: `connection lost (${reason})` });
  }
}
