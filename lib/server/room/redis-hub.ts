import 'server-only';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ROOM_IDLE_MS, ROOM_LOG_LIMIT, type RoomEntry, type RoomEntryBody } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntry, type RoomState } from '@/lib/room/state';
import type { AppendOnce, PollAnswer, PollKey, RoomHub, RoomRecord, Unsubscribe } from './hub';

/** An instance's presence report counts this long; one that died stops counting after it. */
export const PRESENCE_FRESH_MS = 15_000;
/** How long a room's subscription waits before trying again to read what it missed. */
const CATCH_UP_RETRY_MS = 500;

/**
 * A room's keys and channel. The code is in braces, a Redis Cluster hash tag: every key of a room
 * lands in one slot, which is what lets one script touch them all.
 */
export function roomKeys(code: string) {
  const base = `stepstream:room:{${code}}:`;
  return {
    record: `${base}record`,
    seq: `${base}seq`,
    /** A stream: entry `0-<seq>`, one field, `entry` (its JSON). */
    log: `${base}log`,
    /** A hash: `seq`, and `state` (the JSON RoomState after that entry). */
    checkpoint: `${base}checkpoint`,
    pollKeys: `${base}poll-keys`,
    /** A set: the polls that have an `answers:<pollId>` hash. */
    answered: `${base}answered`,
    presence: `${base}presence`,
    answersPrefix: `${base}answers:`,
    /** Pub/sub: every entry's JSON, as the append script numbered it. */
    channel: `${base}entries`,
  };
}

const scriptKeys = (k: ReturnType<typeof roomKeys>) => [k.record, k.seq, k.log, k.checkpoint, k.pollKeys, k.answered, k.presence];

// Lua, with KEYS as scriptKeys lists them, ARGV[1] the idle ms and ARGV[2] the answers prefix.
// WARNING: the answers hashes are named in the script, not passed as KEYS; only the shared hash
// tag keeps that legal on a cluster.
const TOUCH = `
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
for _, poll in ipairs(redis.call('SMEMBERS', KEYS[6])) do redis.call('PEXPIRE', ARGV[2] .. poll, ARGV[1]) end`;

/** Lua: makes the record unless the code is taken, clearing first whatever an expired room of that code left behind. */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for _, poll in ipairs(redis.call('SMEMBERS', KEYS[6])) do redis.call('DEL', ARGV[2] .. poll) end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
redis.call('HSET', KEYS[1], 'code', ARGV[3], 'secretHash', ARGV[4], 'createdAt', ARGV[5])
${TOUCH}
return 1`;

/**
 * Lua, all or nothing: numbers the bodies, adds each to the stream and publishes it, refreshes
 * the room's life. ARGV[3] the time, ARGV[4] the channel, ARGV[5] `entries` (the bodies' JSON
 * follow), `once` (a writer and its append's number, then the bodies: see `RoomHub.append`) or `answer` (poll, student, answer JSON, option count follow: the body is the tally,
 * appended only if this is the student's first answer). Returns false for no room, else
 * {recorded, checkpoint seq, seq…}.
 */
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local bodies = {}
if ARGV[5] == 'answer' then
  local answers = ARGV[2] .. ARGV[6]
  if redis.call('HSETNX', answers, ARGV[7], ARGV[8]) == 0 then return {0, 0} end
  redis.call('SADD', KEYS[6], ARGV[6])
  local counts = {}
  for i = 1, tonumber(ARGV[9]) do counts[i] = 0 end
  local all = redis.call('HVALS', answers)
  for _, answer in ipairs(all) do
    local i = cjson.decode(answer).choice + 1
    if counts[i] then counts[i] = counts[i] + 1 end
  end
  bodies[1] = '{"kind":"poll-tally","pollId":' .. cjson.encode(ARGV[6]) .. ',"counts":[' .. table.concat(counts, ',') .. '],"answered":' .. #all .. '}'
elseif ARGV[5] == 'once' then
  -- ARGV[6] the writer, ARGV[7] its append's number, the bodies follow: taken at most once.
  local writers = string.gsub(KEYS[1], 'record$', 'writers')
  if tonumber(redis.call('HGET', writers, ARGV[6]) or '0') >= tonumber(ARGV[7]) then return {1, 0} end
  redis.call('HSET', writers, ARGV[6], ARGV[7])
  redis.call('PEXPIRE', writers, ARGV[1])
  for i = 8, #ARGV do bodies[#bodies + 1] = ARGV[i] end
else
  for i = 6, #ARGV do bodies[#bodies + 1] = ARGV[i] end
end
local reply = {1, tonumber(redis.call('HGET', KEYS[4], 'seq') or '0')}
for _, body in ipairs(bodies) do
  local seq = redis.call('INCR', KEYS[2])
  local entry = '{"seq":' .. seq .. ',"at":' .. ARGV[3] .. ',"body":' .. body .. '}'
  redis.call('XADD', KEYS[3], '0-' .. seq, 'entry', entry)
  redis.call('PUBLISH', ARGV[4], entry)
  reply[#reply + 1] = seq
end
${TOUCH}
return reply`;

/** Lua, KEYS record, checkpoint, log: the checkpoint's state ('' for none) and every entry after it, read at one instant. */
const READ_STATE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local checkpoint = redis.call('HMGET', KEYS[2], 'seq', 'state')
local reply = {checkpoint[2] or ''}
for _, item in ipairs(redis.call('XRANGE', KEYS[3], '0-' .. (tonumber(checkpoint[1] or '0') + 1), '+')) do reply[#reply + 1] = item[2][2] end
return reply`;

/**
 * Lua, KEYS record, seq, log, checkpoint; ARGV seq, state, log limit. Keeps the checkpoint only if
 * it is newer than the stored one (two instances may race), then trims the log to the limit but
 * never past the checkpoint: what it drops, the checkpoint holds.
 */
const CHECKPOINT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local seq = tonumber(ARGV[1])
if seq <= tonumber(redis.call('HGET', KEYS[4], 'seq') or '0') then return 0 end
redis.call('HSET', KEYS[4], 'seq', ARGV[1], 'state', ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[4], ttl) end
local keepFrom = math.min(seq + 1, tonumber(redis.call('GET', KEYS[2]) or '0') - tonumber(ARGV[3]) + 1)
if keepFrom > 1 then redis.call('XTRIM', KEYS[3], 'MINID', '0-' .. keepFrom) end
return 1`;

/** Lua, KEYS record, seq, log; ARGV after: the entries after it, or false when any of them is gone. */
const ENTRIES_AFTER = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local after = tonumber(ARGV[1])
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
if after > last then return false end
local reply = {}
if after == last then return reply end
local items = redis.call('XRANGE', KEYS[3], '0-' .. (after + 1), '+')
if #items == 0 or items[1][1] ~= '0-' .. (after + 1) then return false end
for i, item in ipairs(items) do reply[i] = item[2][2] end
return reply`;

/** Lua, KEYS record, hash; ARGV field, value: sets it if the room exists, to expire with the room (not a touch). */
const SET_WITH_ROOM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1`;

const SCRIPTS = {
  roomCreate: { lua: CREATE, numberOfKeys: 7 },
  roomAppend: { lua: APPEND, numberOfKeys: 7 },
  roomReadState: { lua: READ_STATE, numberOfKeys: 3, readOnly: true },
  roomCheckpoint: { lua: CHECKPOINT, numberOfKeys: 4 },
  roomEntriesAfter: { lua: ENTRIES_AFTER, numberOfKeys: 3, readOnly: true },
  roomSetWithRoom: { lua: SET_WITH_ROOM, numberOfKeys: 2 },
};
type ScriptName = keyof typeof SCRIPTS;

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
function createFeeds(redis: Redis, sub: Redis, onError: (error: unknown, context: string) => void) {
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
  for (const [name, definition] of Object.entries(SCRIPTS)) redis.defineCommand(name, definition);
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

  const script = (name: ScriptName, keys: string[], args: Array<string | number>) =>
    (redis as unknown as Record<ScriptName, (...params: Array<string | number>) => Promise<unknown>>)[name](...keys, ...args);
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

  /** Runs the append script; the seqs it gave, or null (no room), or 'not recorded' (a second answer). */
  async function appendScript(code: string, at: number, args: string[]) {
    const k = roomKeys(code);
    const reply = (await script('roomAppend', scriptKeys(k), [idleMs, k.answersPrefix, at, k.channel, ...args])) as number[] | null;
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
      return (await script('roomCreate', scriptKeys(k), [idleMs, k.answersPrefix, code, secretHash, createdAt])) === 1;
    },
    async find(code) {
      const record = await redis.hgetall(roomKeys(code).record);
      if (record.code === undefined || record.secretHash === undefined) return null;
      return { code: record.code, secretHash: record.secretHash, createdAt: Number(record.createdAt) };
    },
    async append(code, bodies: readonly RoomEntryBody[], once?: AppendOnce) {
      const at = Math.trunc(now());
      const mode = once ? ['once', once.writer, String(once.n)] : ['entries'];
      const seqs = await appendScript(code, at, [...mode, ...bodies.map((body) => JSON.stringify(body))]);
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
      const result = await appendScript(code, at, ['answer', pollId, student, JSON.stringify({ choice, at }), String(optionCount)]);
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
