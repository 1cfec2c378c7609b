import type Redis from 'ioredis';
import type { RoomEntry } from '@/lib/room/protocol';
import type { Unsubscribe } from '../hub';
import { roomKeys } from './keys';

/** How long a room's subscription waits before trying again to read what it missed. */
const CATCH_UP_RETRY_MS = 500;

interface Follower {
  listener: (entry: RoomEntry) => void;
  /** The last seq it was handed; null until its starting point is read. */
  last: number | null;
  /** The room's seq as `subscribe` was called, read at once so nothing appended after it is missed. */
  start: Promise<number> | null;
}

/** One room's subscription in this process: one channel, many local listeners, one queue of work. */
interface Feed {
  code: string;
  followers: Set<Follower>;
  /** Each step (a message, a catch-up) runs after the one before: that is what keeps the order. */
  chain: Promise<void>;
  subscribed: Promise<unknown>;
  retry: ReturnType<typeof setTimeout> | null;
  /** The last step failed: the next failure is not reported again. */
  failing: boolean;
}

/**
 * The subscribing side of a hub: one connection subscribed to the channel of each room that has
 * listeners here, each message handed to them in seq order, each once. Pub/sub may lose messages
 * (a reconnect, a dropped subscriber), so a gap in what arrives is filled from the stream before
 * anything after it is handed on, and after each reconnect every room reads what it missed.
 */
export function createFeeds(redis: Redis, sub: Redis, onError: (error: unknown, context: string) => void) {
  const feeds = new Map<string, Feed>(); // by channel
  let closed = false;
  const readSeq = async (code: string) => Number((await redis.get(roomKeys(code).seq)) ?? 0);

  function deliver(feed: Feed, entry: RoomEntry) {
    for (const follower of feed.followers) {
      if (follower.last === null || entry.seq <= follower.last) continue; // not started yet, or had it
      follower.last = entry.seq;
      try {
        follower.listener(entry);
      } catch (error) {
        onError(error, `room ${feed.code}: a listener threw`);
      }
    }
  }

  /**
   * Reads the starting point of new followers, then hands every follower what the stream holds
   * past its last, up to `upTo`. After the SUBSCRIBE took effect, so whatever was published
   * before it is in the stream by now.
   */
  async function catchUp(feed: Feed, upTo: number | '+') {
    await feed.subscribed;
    for (const follower of feed.followers) {
      if (follower.last !== null) continue;
      try {
        follower.last = await (follower.start ?? readSeq(feed.code));
      } finally {
        follower.start = null; // a failed read is made again, later
      }
    }
    const lasts = [...feed.followers].flatMap(({ last }) => (last === null ? [] : [last]));
    if (lasts.length === 0) return;
    const from = Math.min(...lasts) + 1;
    if (upTo !== '+' && from > upTo) return;
    const items = await redis.xrange(roomKeys(feed.code).log, `0-${from}`, upTo === '+' ? '+' : `0-${upTo}`);
    // A follower more than the log behind skips what was trimmed: the seq it sees jumps, so it can send a snapshot.
    for (const [, fields] of items) deliver(feed, JSON.parse(fields[1]!));
  }

  function enqueue(feed: Feed, step: () => Promise<void> | void) {
    feed.chain = feed.chain.then(step).then(
      () => void (feed.failing = false),
      (error: unknown) => {
        if (closed || !feed.followers.size) return;
        if (!feed.failing) onError(error, `room ${feed.code}: reading missed entries`); // once per outage, not per retry
        feed.failing = true;
        if (feed.retry) return;
        feed.retry = setTimeout(() => {
          feed.retry = null;
          enqueue(feed, () => catchUp(feed, '+'));
        }, CATCH_UP_RETRY_MS);
        feed.retry.unref?.();
      },
    );
  }

  sub.on('message', (channel: string, message: string) => {
    const feed = feeds.get(channel);
    if (!feed) return;
    const entry: RoomEntry = JSON.parse(message);
    enqueue(feed, async () => {
      const lost = [...feed.followers].some(({ last }) => last !== null && last < entry.seq - 1);
      if (lost) await catchUp(feed, entry.seq); // a message went missing on the way: the stream has it
      deliver(feed, entry);
    });
  });

  let connectedBefore = false;
  sub.on('ready', () => {
    if (!connectedBefore) {
      connectedBefore = true; // the first connection: each feed's first catch-up waits for its SUBSCRIBE anyway
      return;
    }
    // A reconnect: whatever was published while the connection was down never arrives. Subscribe
    // again (ioredis does too; doing it here gives a promise to wait for), then read the stream.
    for (const [channel, feed] of feeds) {
      feed.subscribed = sub.subscribe(channel);
      feed.subscribed.catch(() => undefined);
      enqueue(feed, () => catchUp(feed, '+'));
    }
  });

  function newFeed(code: string, channel: string): Feed {
    const feed: Feed = {
      code,
      followers: new Set(),
      chain: Promise.resolve(),
      subscribed: sub.subscribe(channel),
      retry: null,
      failing: false,
    };
    feed.subscribed.catch(() => undefined);
    feeds.set(channel, feed);
    return feed;
  }

  return {
    subscribe(code: string, listener: (entry: RoomEntry) => void): Unsubscribe {
      if (closed) return () => undefined;
      const { channel } = roomKeys(code);
      // Read the room's seq now, before anything this caller appends next on this connection.
      const start = readSeq(code);
      start.catch(() => undefined); // awaited in catchUp; this only keeps Node from calling it unhandled
      const joined = feeds.get(channel) ?? newFeed(code, channel);
      const follower: Follower = { listener, last: null, start };
      joined.followers.add(follower);
      // Reads the stream past `start`: what was published before the SUBSCRIBE took effect, or
      // what the other followers here already had when this one joined.
      enqueue(joined, () => catchUp(joined, '+'));
      return () => {
        if (!joined.followers.delete(follower) || joined.followers.size > 0 || feeds.get(channel) !== joined) return;
        feeds.delete(channel);
        if (joined.retry) clearTimeout(joined.retry);
        if (!closed) sub.unsubscribe(channel).catch(() => undefined);
      };
    },
    close() {
      closed = true;
      for (const feed of feeds.values()) if (feed.retry) clearTimeout(feed.retry);
      feeds.clear();
    },
  };
}
