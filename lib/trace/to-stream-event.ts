import type { SseMessage } from '@/lib/sse/read';
import type { StreamEvent } from './types';

/**
 * A message read off the wire as the app's StreamEvent: a `frame`, or, for `event: error`, an
 * `error` — the server's way to report a failure after the stream started, when the status can no
 * longer change. Written once for every reader: the page's fetch client, its EventSource adapter
 * and the room's runner. (It lives here, not in lib/sse, because StreamEvent is the model's type
 * and the wire depends on nothing of ours.) A frame carries `id` only when the message had one
 * (an empty `id:` is kept: it resets the last event ID), and `event` only when named.
 */
export function toStreamEvent(message: SseMessage, atMs: number): Extract<StreamEvent, { type: 'frame' | 'error' }> {
  if (message.event === 'error') return { type: 'error', atMs, message: message.data };
  return {
    type: 'frame',
    atMs,
    data: message.data,
    ...(message.id !== undefined ? { id: message.id } : {}),
    ...(message.event ? { event: message.event } : {}),
  };
}
