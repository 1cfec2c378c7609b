// @ts-check
// One follower of a classroom's stream (`GET /api/rooms/{code}/events`, lib/room/protocol.ts) for
// the programs that read it outside a browser: the room bench (bench/room.mjs) and the cluster e2e
// spec (e2e/classroom-cluster.spec.ts). It reads the stream as an EventSource would: parsed by
// eventsource-parser, the last `id:` kept, and on an error or an end it waits the `retry:` and
// reconnects with `Last-Event-ID` (unless told not to: the bench counts a lost stream instead).
import { createParser } from 'eventsource-parser';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @typedef {import('../../lib/room/protocol').RoomEntry} RoomEntry
 * @typedef {import('../../lib/room/state').RoomState} RoomState
 *
 * @typedef {object} RoomFollowerOptions
 * @property {string} base  where to connect first (`http://127.0.0.1:PORT`)
 * @property {string} code  the room's code
 * @property {string} [reconnectBase]  where to reconnect (`base` unless given)
 * @property {boolean} [reconnect]  reconnect after an error or an end, as an EventSource does (true)
 * @property {() => number} [now]  the clock each arrival is stamped with (Date.now), read as its bytes arrive
 * @property {(room: RoomState, at: number) => void} [onSnapshot]
 * @property {(entry: RoomEntry, at: number) => void} [onEntry]
 * @property {(connection: { base: string, status: number }) => void} [onConnection]  every response, in order
 * @property {(reason: string) => void} [onError]  a connection failed or the stream ended (not after close())
 *
 * @typedef {object} RoomFollower
 * @property {Promise<void>} ready  resolves at the first snapshot; rejects if the stream fails before it
 * @property {() => string | null} lastEventId
 * @property {() => void} close  stops for good: no more callbacks, no reconnect
 */

/** What an EventSource waits before reconnecting until the server sends a `retry:`. */
const DEFAULT_RETRY_MS = 1000;

/**
 * Follows a room's stream until close().
 * @param {RoomFollowerOptions} options
 * @returns {RoomFollower}
 */
export function followRoom({ base, code, reconnectBase = base, reconnect = true, now = Date.now, ...on }) {
  const abort = new AbortController();
  let closed = false;
  /** @type {string | null} */
  let lastEventId = null;
  let retryMs = DEFAULT_RETRY_MS;
  /** @type {(value?: void) => void} */
  let resolveReady = () => undefined;
  /** @type {(reason: Error) => void} */
  let rejectReady = () => undefined;
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A caller that does not wait for `ready` hears of the failure through onError.
  ready.catch(() => undefined);

  /** @param {string} reason */
  const fail = (reason) => {
    on.onError?.(reason);
    rejectReady(new Error(reason));
  };

  /**
   * @param {import('eventsource-parser').EventSourceMessage} message
   * @param {number} at
   */
  const receive = (message, at) => {
    if (message.id !== undefined) lastEventId = message.id;
    if (message.event === 'snapshot') {
      on.onSnapshot?.(/** @type {RoomState} */ (JSON.parse(message.data)), at);
      resolveReady();
    } else if (message.event === 'entry') on.onEntry?.(/** @type {RoomEntry} */ (JSON.parse(message.data)), at);
  };

  /** @param {string} from */
  async function connectOnce(from) {
    /** @type {Record<string, string>} */
    const headers = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(`${from}/api/rooms/${code}/events`, { headers, signal: abort.signal });
    on.onConnection?.({ base: from, status: response.status });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      throw new Error(`GET events from ${from}: ${response.status}`);
    }
    let at = 0;
    const parser = createParser({ onEvent: (message) => receive(message, at), onRetry: (ms) => (retryMs = ms) });
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      at = now();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  }

  async function loop() {
    let from = base;
    while (!closed) {
      try {
        await connectOnce(from);
        if (!closed) fail('the stream ended');
      } catch (error) {
        if (!closed) fail(String(error));
      }
      if (closed || !reconnect) return;
      await sleep(retryMs);
      from = reconnectBase;
    }
  }
  void loop();

  return {
    ready,
    lastEventId: () => lastEventId,
    close() {
      closed = true;
      abort.abort();
    },
  };
}
