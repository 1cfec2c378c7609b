import { STREAM_ID_EVENT } from '@/lib/contract/protocol';
import { iFromId } from '@/lib/trace/reduce';
import { toStreamEvent } from '@/lib/trace/to-stream-event';
import type { StreamEvent } from '@/lib/trace/types';

export interface EventSourceRunOptions {
  url: string;
  now: () => number;
  onEvent: (event: StreamEvent) => void;
  onStreamId?: (id: string) => void;
  /** The wait the server was asked to set with `retry:`; null when the browser keeps its own. */
  retryMs: number | null;
  /** Frames a full pass sends: a connection that ends after the last one ended, before it was cut. */
  frames: number;
  /** Whether the stream answers a reconnect from its last id with 204 (`endsWithNoContent`). */
  endsWith204: boolean;
  /** Close on the server's `event: end` (`end=event`), as `addEventListener('end', () => source.close())` does. */
  closeOnEndEvent: boolean;
  /** Close after `frames` messages, as a client that counts them does. */
  closeAfterLast: boolean;
  /** The page's `EventSource`; a test seam. */
  eventSourceImpl?: typeof EventSource;
}

/** Whether a `lastEventId` names the run's last frame (or later). */
const namesLast = (id: string, frames: number) => (iFromId(id) ?? Number.NaN) >= frames - 1;

/**
 * Runs the stream through the browser's own `EventSource`, reporting what it does as StreamEvents.
 * Unlike `fetch`, EventSource never stops by itself: when a response ends it waits its retry
 * delay and asks again, sending `Last-Event-ID` if messages carried ids, for ever, until the
 * page closes it or a reconnect is refused (a 204, or an error status) — each of which shows here
 * as it happens. What EventSource cannot tell a page (the status of a refusal, the bytes) is not
 * guessed: a close after a reconnect is reported as a 204 only when the stream was asked to send one.
 */
export function runEventSource(options: EventSourceRunOptions) {
  const { url, now, onEvent, onStreamId, retryMs, frames, endsWith204, closeOnEndEvent, closeAfterLast, eventSourceImpl } = options;
  const Source = eventSourceImpl ?? EventSource;
  const source = new Source(url);
  let firstOpenAt: number | null = null;
  let lastEventId = '';
  let receivedInConnection = 0;
  /** Messages `onmessage` got, every connection counted: what `if (++received === n) source.close()` counts. */
  let received = 0;
  let finished = false;
  const since = () => (firstOpenAt === null ? 0 : Math.max(0, now() - firstOpenAt));
  const finish = (event: StreamEvent) => {
    if (finished) return;
    finished = true;
    source.close();
    onEvent(event);
  };

  source.addEventListener('open', () => {
    firstOpenAt ??= now();
    receivedInConnection = 0;
    onEvent({ type: 'open', atMs: since() });
  });
  const onMessage = (message: MessageEvent<string>) => {
    if (finished) return;
    lastEventId = message.lastEventId;
    receivedInConnection += 1;
    const event = message.type === 'message' ? undefined : message.type;
    // EventSource's lastEventId is '' until an id arrives (and stays set after): '' here means no id.
    onEvent(toStreamEvent({ data: message.data, ...(message.lastEventId ? { id: message.lastEventId } : {}), event }, since()));
    if (event === undefined) received += 1;
    if (event === 'end' && closeOnEndEvent) finish({ type: 'end', atMs: since(), reason: 'closed-on-end' });
    else if (event === undefined && closeAfterLast && received === frames)
      finish({ type: 'end', atMs: since(), reason: 'closed-after-last' });
  };
  source.addEventListener('message', onMessage);
  source.addEventListener('end', onMessage as EventListener);
  source.addEventListener(STREAM_ID_EVENT, ((message: MessageEvent<string>) => onStreamId?.(message.data)) as EventListener);
  source.addEventListener('error', (event) => {
    // WARNING: a server's `event: error` frame and the connection's own error share this name.
    if (event instanceof MessageEvent) return finish(toStreamEvent({ event: 'error', data: String(event.data) }, since()));
    if (source.readyState === Source.CONNECTING) {
      const reachedEnd = lastEventId ? namesLast(lastEventId, frames) : receivedInConnection >= frames;
      onEvent({ type: 'reconnect', atMs: since(), cause: reachedEnd ? 'ended' : 'cut', retryMs, lastEventId: lastEventId || null });
      return;
    }
    // CLOSED: the browser gave up on this source.
    if (endsWith204 && lastEventId && namesLast(lastEventId, frames)) return finish({ type: 'end', atMs: since(), reason: 'no-content' });
    finish({ type: 'error', atMs: since(), message: 'EventSource gave up: the server refused to reconnect it' });
  });

  return {
    /** Stop: the page closes its EventSource; the server sees the connection go. */
    close(): number {
      const at = since();
      finished = true;
      source.close();
      return at;
    },
  };
}
