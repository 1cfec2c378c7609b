import { createByteParser, type ByteParserCallbacks } from './decode';

/**
 * THE reader: how every client of ours turns an event stream's bytes into messages. The page's
 * fetch client, the compare lanes, the room's runner and the tests all read through here; only
 * this folder talks to eventsource-parser (`npm run lint` refuses it elsewhere). A browser's own
 * `EventSource` parses for itself; what a page does with its messages is shared by `toStreamEvent`
 * (lib/trace/to-stream-event.ts).
 */

/** A dispatched message, as eventsource-parser reports it: `id` only when the block had an `id` field, `event` only when named. */
export interface SseMessage {
  data: string;
  id?: string;
  event?: string;
}

/** One thing the parser reported: a message, a valid `retry:`, or a comment. */
export type SseItem = ({ kind: 'event' } & SseMessage) | { kind: 'retry'; retryMs: number } | { kind: 'comment'; comment: string };

/** One read of the body, as it came: what the wire panel draws, and what the parser made of it. */
export interface SseRead {
  /** The bytes this read delivered; null for the body's end, which only hands over what the end completed. */
  bytes: Uint8Array | null;
  /** `bytes` as text, UTF-8 decoded across reads (a character split between two reads is in the second). */
  text: string;
  /** What the parser reported while reading it, in order. */
  items: SseItem[];
}

/** Parser callbacks that push what is reported onto `items`, in the shapes of `SseItem`. */
function collectInto(items: SseItem[]): ByteParserCallbacks {
  return {
    onEvent: (message) =>
      items.push({
        kind: 'event',
        data: message.data,
        ...(message.id !== undefined ? { id: message.id } : {}),
        ...(message.event ? { event: message.event } : {}),
      }),
    onRetry: (retryMs) => items.push({ kind: 'retry', retryMs }),
    onComment: (comment) => items.push({ kind: 'comment', comment }),
  };
}

/**
 * Reads an event stream (a `Response`'s body, or any byte stream) one read at a time, calling
 * `onRead` with each read's bytes and text and the items they completed, at once, so a caller can
 * time them as they arrive. A last read (`bytes: null`) comes only when the body's end completed
 * something (a stream ending in a bare CR). `onRead` returns `false` to stop: the body is then
 * cancelled. Resolves when the body has ended or the reading stopped; rejects when the connection
 * breaks.
 */
// WARNING: a callback, not an async generator: each `yield` would add microtask hops between a read
// and its frames reaching the page, and the page batches frames by what arrived before a flush.
export async function readSse(body: ReadableStream<Uint8Array>, onRead: (read: SseRead) => boolean | void): Promise<void> {
  const items: SseItem[] = [];
  const parser = createByteParser(collectInto(items));
  const take = () => items.splice(0);
  const reader = body.getReader();
  let ended = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const text = parser.feed(value);
      if (onRead({ bytes: value, text, items: take() }) === false) return;
    }
    ended = true;
    parser.end();
    if (items.length > 0) onRead({ bytes: null, text: '', items: take() });
  } finally {
    // Stopped early (or the read failed): let the body go. Cancelling a failed body rejects; it has gone anyway.
    if (!ended) await reader.cancel().catch(() => undefined);
  }
}

const utf8 = new TextEncoder();

/** What complete text (one or more whole frames, as a writer wrote them) parses to. */
export function parseSse(text: string): SseItem[] {
  const items: SseItem[] = [];
  const parser = createByteParser(collectInto(items));
  parser.feed(utf8.encode(text));
  parser.end();
  return items;
}
