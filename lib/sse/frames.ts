import { encodeComment, encodeEvent } from './encode';

/**
 * The frames every writer shares besides messages: `retry`, the lifetime cap's error, and the
 * keep-alive comment. Written here, beside the encoder, so `/api/stream`, the compare lanes and
 * the room's followers send the same bytes.
 */

/**
 * `retry: MS` in a block of its own. Not `encodeEvent`: it always writes a `data:` line, and a
 * block with one dispatches a message even when empty (WHATWG HTML §9.2.6), where this block
 * must only set the client's reconnection time.
 */
export function retryFrame(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError('SSE retry must be a non-negative integer');
  return `retry: ${ms}\n\n`;
}

/** Sent when a stream reaches its lifetime cap. */
export const lifetimeFrame = (lifetimeMs: number) =>
  encodeEvent({ event: 'error', data: `This stream reached its time limit (${Math.round(lifetimeMs / 1000)} s) and was closed.` });

/**
 * `: keep-alive`, written while a stream has nothing else to say (lib/server/connection-sink.ts,
 * `withKeepAlive`). A comment: every parser ignores it, and a proxy sees the connection busy.
 */
export const KEEP_ALIVE_FRAME = encodeComment('keep-alive');
