import 'server-only';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ROOM_IDLE_MS, ROOM_LOG_LIMIT, type RoomEntry, type RoomEntryBody } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntry, type RoomState } from '@/lib/room/state';
import type { AppendOnce, PollAnswer, PollKey, RoomHub, RoomRecord } from '../hub';
import { createFeeds } from './feeds';
import { roomKeys, touchedKeys } from './keys';
import { defineScripts, type ScriptName } from './scripts';

export { roomKeys } from './keys';

/** An instance's presence report counts this long; one that died stops counting after it. */
export const PRESENCE_FRESH_MS = 15_000;

export interface RedisHubOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** This process, in the presence hash; a random UUID unless given. */
  instanceId?: string;
  idleMs?: number;
  logLimit?: number;
  /** A checkpoint is written once the log runs this far past the last; `min(500, ⌈logLimit / 2⌉)` unless given. */
  checkpointEvery?: number;
  /** The entries' `at`, the answers' and presence reports' times. Expiry is Redis's own clock. */
  now?: () => number;
  /** What went wrong in the background (a lost connection, a failed catch-up or checkpoint). */
  onError?: (error: unknown, context: string) => void;
}
/**
 * Rooms in Redis, shared by every instance pointed at it. Two connections: one for commands, one
 * subscribed to the channels of the rooms this process has listeners for.
 *
 * Writes are Lua scripts, so each is all or nothing. A command sent while Redis is away fails
 * within about a second (no queue to retry it later): the caller retries, as the room's runner
 * does. WARNING: an append whose reply was lost with the connection may still have been applied,
 * so such a retry can append the same bodies twice; it never applies half of one.
 *
 * A snapshot is the room's last checkpoint folded with the log after it, read in one script; a
 * checkpoint is written in the background every `checkpointEvery` entries, and only then is the
 * log trimmed, never past it. Listeners: see `createFeeds`.
 */
export function createRedisHub(options: RedisHubOptions): RoomHub {
  const { url, instanceId = randomUUID(), idleMs = ROOM_IDLE_MS, logLimit = ROOM_LOG_LIMIT, now = Date.now } = options;
  const checkpointEvery = options.checkpointEvery ?? Math.min(500, Math.ceil(logLimit / 2));
  const onError =
    options.onError ?? ((error, context) => console.error(`rooms: ${context}:`, error instanceof Error ? error.message : error));
  const retryStrategy = (times: number) => Math.min(times * 100, 1000);
  // WARNING: maxRetriesPerRequest 0 fails every command queued or in flight as soon as the connection
  // drops; with more, ioredis would keep them, and with autoResendUnfulfilledCommands it would resend
  // an append Redis may already have run.
  const redis = new Redis(url, { maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false, retryStrategy, connectTimeout: 3000 });
  // The subscriber's commands (SUBSCRIBE) may wait for Redis to come back: they are safe to resend.
  const sub = new Redis(url, { maxRetriesPerRequest: null, retryStrategy, connectTimeout: 3000 });
  const script = defineScripts(redis);
  const checkpoints = new Map<string, { latest: number; job: Promise<void> }>(); // by room code, while one is written
  let closed = false;

  // ioredis reports each failed reconnection attempt; one report per outage is enough.
  for (const [connection, name] of [
    [redis, 'command'],
    [sub, 'subscriber'],
  ] as const) {
    let reported = false;
    connection.on('ready', () => (reported = false));
    connection.on('error', (error: Error) => {
      if (!reported) onError(error, `Redis ${name} connection`);
      reported = true;
    });
  }

  const feeds = createFeeds(redis, sub, onError);

  async function readState(code: string): Promise<RoomState | null> {
    const k = roomKeys(code);
    const reply = (await script('roomReadState', [k.record, k.checkpoint, k.log], [])) as string[] | null;
    if (!reply) return null;
    const [checkpoint, ...entries] = reply;
    const base: RoomState = checkpoint ? JSON.parse(checkpoint) : EMPTY_ROOM;
    return entries.reduce((room, json) => applyRoomEntry(room, JSON.parse(json)), base);
  }

  /**
   * In the background, once the log has run `checkpointEvery` past the last checkpoint. One at a
   * time per room here; appends that find one running make it go again when it is done, so a
   * busy room's checkpoints keep up.
   */
  function checkpointIfDue(code: string, lastSeq: number, checkpointSeq: number) {
    if (closed || lastSeq - checkpointSeq < checkpointEvery) return;
    const running = checkpoints.get(code);
    if (running) return void (running.latest = Math.max(running.latest, lastSeq));
    const k = roomKeys(code);
    const checkpoint = { latest: lastSeq, job: Promise.resolve() };
    checkpoint.job = readState(code)
      .then(async (state) => {
        if (!state) return;
        await script('roomCheckpoint', [k.record, k.seq, k.log, k.checkpoint], [state.seq, JSON.stringify(state), logLimit]);
        checkpoints.delete(code);
        checkpointIfDue(code, checkpoint.latest, state.seq);
      })
      .catch((error: unknown) => onError(error, `room ${code}: checkpoint`))
      .finally(() => checkpoints.get(code) === checkpoint && checkpoints.delete(code));
    checkpoints.set(code, checkpoint);
  }

  /** Runs an append script; the seqs it gave, or null (no room), or 'not recorded' (a second answer). */
  async function appendScript(name: ScriptName, code: string, at: number, args: string[]) {
    const k = roomKeys(code);
    const keys = name === 'roomAppendOnce' ? [...touchedKeys(k), k.writers] : touchedKeys(k);
    const reply = (await script(name, keys, [idleMs, k.answersPrefix, at, k.channel, ...args])) as number[] | null;
    if (!reply) return null;
    const [recorded, checkpointSeq, ...seqs] = reply as [number, number, ...number[]];
    if (!recorded) return 'not recorded' as const;
    if (seqs.length > 0) checkpointIfDue(code, seqs[seqs.length - 1]!, checkpointSeq);
    return seqs;
  }

  /** The head counts reported within `PRESENCE_FRESH_MS`, summed (an instance that died stops counting). */
  const sumFresh = (reports: Record<string, string>) =>
    Object.values(reports)
      .map((json) => JSON.parse(json) as { count: number; at: number })
      .reduce((sum, { count, at }) => (now() - at <= PRESENCE_FRESH_MS ? sum + count : sum), 0);

  const quit = (connection: Redis) => (connection.status === 'ready' ? connection.quit() : Promise.resolve(connection.disconnect()));

  return {
    async create({ code, secretHash, createdAt }: RoomRecord) {
      const k = roomKeys(code);
      return (await script('roomCreate', touchedKeys(k), [idleMs, k.answersPrefix, code, secretHash, createdAt])) === 1;
    },
    async find(code) {
      const record = await redis.hgetall(roomKeys(code).record);
      if (record.code === undefined || record.secretHash === undefined) return null;
      return { code: record.code, secretHash: record.secretHash, createdAt: Number(record.createdAt) };
    },
    async append(code, bodies: readonly RoomEntryBody[], once?: AppendOnce) {
      const at = Math.trunc(now());
      const json = bodies.map((body) => JSON.stringify(body));
      const seqs = await (once
        ? appendScript('roomAppendOnce', code, at, [once.writer, String(once.n), ...json])
        : appendScript('roomAppend', code, at, json));
      if (!Array.isArray(seqs)) return null;
      if (seqs.length < bodies.length) return []; // a `once` append taken before
      return bodies.map((body, i) => ({ seq: seqs[i]!, at, body }));
    },
    async entriesAfter(code, afterSeq) {
      const k = roomKeys(code);
      const reply = (await script('roomEntriesAfter', [k.record, k.seq, k.log], [afterSeq])) as string[] | null;
      return reply && reply.map((json): RoomEntry => JSON.parse(json));
    },
    snapshot: readState,
    subscribe: feeds.subscribe,
    async setPollKey(code, pollId, key: PollKey) {
      const k = roomKeys(code);
      await script('roomSetWithRoom', [k.record, k.pollKeys], [pollId, JSON.stringify(key)]);
    },
    async pollKey(code, pollId) {
      const json = await redis.hget(roomKeys(code).pollKeys, pollId);
      return json === null ? null : (JSON.parse(json) as PollKey);
    },
    async answer(code, pollId, student, choice, optionCount) {
      const at = Math.trunc(now());
      const result = await appendScript('roomAnswer', code, at, [pollId, student, JSON.stringify({ choice, at }), String(optionCount)]);
      return result && { recorded: result !== 'not recorded' };
    },
    async answers(code, pollId): Promise<PollAnswer[]> {
      const all = await redis.hgetall(roomKeys(code).answersPrefix + pollId);
      return Object.entries(all)
        .map(([student, json]) => ({ student, ...(JSON.parse(json) as { choice: number; at: number }) }))
        .sort((a, b) => a.at - b.at || (a.student < b.student ? -1 : 1));
    },
    async reportPresence(code, count) {
      const k = roomKeys(code);
      await script('roomSetWithRoom', [k.record, k.presence], [instanceId, JSON.stringify({ count, at: now() })]);
    },
    async present(code) {
      return sumFresh(await redis.hgetall(roomKeys(code).presence));
    },
    async presentElsewhere(code) {
      const { [instanceId]: _own, ...others } = await redis.hgetall(roomKeys(code).presence);
      return sumFresh(others);
    },
    async close() {
      if (closed) return;
      closed = true;
      feeds.close();
      while (checkpoints.size > 0) await Promise.allSettled([...checkpoints.values()].map(({ job }) => job));
      await Promise.allSettled([quit(redis), quit(sub)]);
    },
  };
}
