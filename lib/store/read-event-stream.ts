import { createByteParser } from '@/lib/sse/decode';
import { STREAM_ID_EVENT } from '@/lib/contract/protocol';
import type { WireChunk, WireItemData } from '@/lib/lab/wire-log';
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

/** Reads the JSON `{error}` a refused request carries, or says what the status was. */
async function refusalMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `the server answered ${response.status} ${response.statusText}`.trim();
}

/**
 * Opens the stream with `fetch` and reads it with eventsource-parser, reporting what happens as
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
      onEvent({ type: 'error', atMs: 0, message: await refusalMessage(response) });
      return;
    }
    if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
      onEvent({ type: 'error', atMs: 0, message: 'the response was not an event stream' });
      return;
    }
    onEvent({ type: 'open', atMs: since() });

    let arrivedAt = since();
    let failed = false;
    const parser = createByteParser({
      onRetry: (retryMs) => wire?.item({ kind: 'retry', retryMs }),
      onComment: (comment) => wire?.item({ kind: 'comment', comment }),
      onEvent: (message) => {
        wire?.item({
          kind: 'event',
          data: message.data,
          ...(message.id !== undefined ? { id: message.id } : {}),
          ...(message.event ? { event: message.event } : {}),
        });
        if (failed) return;
        if (message.event === STREAM_ID_EVENT) {
          onStreamId?.(message.data);
        } else if (message.event === 'error') {
          failed = true;
          onEvent({ type: 'error', atMs: arrivedAt, message: message.data });
        } else {
          onEvent({ type: 'frame', atMs: arrivedAt, data: message.data, id: message.id, event: message.event });
        }
      },
    });
    const reader = response.body.getReader();
    const text = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      arrivedAt = since();
      if (done) break;
      wire?.chunk({ atMs: arrivedAt, text: text.decode(value, { stream: true }), bytes: value.byteLength });
      parser.feed(value);
      if (failed) {
        await reader.cancel();
        return;
      }
    }
    parser.end();
    // A mark for `npm run bench:client`: when the last byte of the stream had been read.
    performance.mark('stepstream:stream-end');
    onEvent({ type: 'end', atMs: arrivedAt, reason: 'complete' });
  } catch (error) {
    if (signal.aborted) return;
    const reason = error instanceof Error ? error.message : String(error);
    onEvent({ type: 'error', atMs: since(), message: `connection lost (${reason})` });
  }
}
