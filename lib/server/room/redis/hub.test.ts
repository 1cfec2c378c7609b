import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RoomEntry, RoomEntryBody } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntries } from '@/lib/room/state';
import { RUN, describeRoomHub, frame, listen, newRoomCode, opened, roomRecord } from '../testing/hub-contract';
import type { RoomHub } from '../hub';
import { createRedisHub, roomKeys, type RedisHubOptions } from './hub';
import { startRedisServer, type RedisTestServer } from '../testing/redis-test-server';

let server: RedisTestServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(() => server?.stop());

describeRoomHub('the Redis hub', async (now) => {
  const hub = createRedisHub({ url: server.url, now });
  const peer = createRedisHub({ url: server.url, now });
  return { hub, peer, close: async () => void (await Promise.all([hub.close(), peer.close()])) };
});

describe('createRedisHub', () => {
  const opened_: Array<RoomHub | Redis> = [];
  /** A hub on the test server, closed after the test. */
  const open = (options: Omit<RedisHubOptions, 'url'> = {}) => {
    const hub = createRedisHub({ url: server.url, ...options });
    opened_.push(hub);
    return hub;
  };
  /** A plain client, to look at (and meddle with) what the hub keeps. */
  const raw = () => {
    const client = new Redis(server.url);
    opened_.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(opened_.splice(0).map((it) => (it instanceof Redis ? it.quit() : it.close())));
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** As the room's runner does: try again until the hub takes it. */
  async function appendUntilTaken(hub: RoomHub, code: string, bodies: RoomEntryBody[]) {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await hub.append(code, bodies))!;
      } catch (error) {
        if (attempt >= 50) throw error;
        await sleep(200);
      }
    }
  }

  it('trims the log past its checkpoints as two instances append, yet every snapshot is complete', { timeout: 30_000 }, async () => {
    const [hub, peer] = [open({ logLimit: 50 }), open({ logLimit: 50 })];
    const code = newRoomCode();
    await hub.create(roomRecord(code));
    const appended: RoomEntry[] = (await hub.append(code, [RUN]))!;
    const writer = async (on: RoomHub, offset: number) => {
      for (let i = 0; i < 1000; i++) appended.push(...(await on.append(code, [frame(1, offset + i)]))!);
    };
    await Promise.all([writer(hub, 0), writer(peer, 1000)]);
    const last = 2001;
    const all = appended.sort((a, b) => a.seq - b.seq);
    expect(all.map(({ seq }) => seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(await peer.snapshot(code)).toEqual(applyRoomEntries(EMPTY_ROOM, all));
    // Checkpoints are written in the background, a moment after the append that made them due.
    const client = raw();
    await vi.waitFor(async () => expect(Number(await client.hget(roomKeys(code).checkpoint, 'seq'))).toBeGreaterThan(last - 25));
    // At most the limit before the checkpoint, and what came after it (less than checkpointEvery, 25).
    expect(await client.xlen(roomKeys(code).log)).toBeLessThanOrEqual(50 + 25);
    expect(await hub.entriesAfter(code, 0)).toBeNull();
    expect(await hub.entriesAfter(code, last - 75)).toBeNull();
    expect(await hub.entriesAfter(code, last - 10)).toEqual(all.slice(-10));
    expect(await hub.snapshot(code)).toEqual(applyRoomEntries(EMPTY_ROOM, all));
  });

  it(
    'gives every key of a room the idle time, refreshes it on each append, and the room is gone once idle',
    { timeout: 10_000 },
    async () => {
      const hub = open({ idleMs: 1000 });
      const code = newRoomCode();
      const k = roomKeys(code);
      expect(k.log).toBe(`stepstream:room:{${code}}:log`);
      await hub.create(roomRecord(code));
      await hub.append(code, [{ kind: 'poll-open', poll: { id: 'p1', prompt: 'Which?', options: [{ letter: 'A', text: 'Message 0' }] } }]);
      await hub.setPollKey(code, 'p1', { answer: 'A', explanation: 'The first.', optionCount: 1 });
      await hub.answer(code, 'p1', 'student-a', 0, 1);
      await hub.reportPresence(code, 1);
      const client = raw();
      const keys = [k.record, k.seq, k.log, k.pollKeys, k.answered, k.presence, `${k.answersPrefix}p1`];
      for (const key of keys) expect(await client.pttl(key), key).toBeGreaterThan(0);
      for (const key of keys) expect(await client.pttl(key), key).toBeLessThanOrEqual(1000);
      await sleep(600);
      await hub.append(code, [RUN]);
      await sleep(600); // 1200 ms since create, 600 since the append
      expect(await hub.find(code)).toEqual(roomRecord(code));
      expect(await client.pttl(`${k.answersPrefix}p1`)).toBeGreaterThan(0);
      await sleep(1100);
      expect(await hub.find(code)).toBeNull();
      expect(await hub.snapshot(code)).toBeNull();
      expect(await hub.append(code, [RUN])).toBeNull();
      expect(await client.exists(...keys)).toBe(0);
      expect(await hub.create(roomRecord(code))).toBe(true);
      expect(await hub.snapshot(code)).toEqual(EMPTY_ROOM);
    },
  );

  it('sums the fresh presence reports of every instance', async () => {
    let time = 1_000_000;
    const [hub, peer] = [open({ now: () => time }), open({ now: () => time })];
    const code = newRoomCode();
    await hub.create(roomRecord(code));
    await hub.reportPresence(code, 3);
    await peer.reportPresence(code, 4);
    expect(await hub.present(code)).toBe(7);
    expect(await hub.presentElsewhere(code)).toBe(4);
    expect(await peer.presentElsewhere(code)).toBe(3);
    time += 10_000;
    await peer.reportPresence(code, 2);
    expect(await peer.present(code)).toBe(5);
    time += 5001; // the hub's report is 15 s old, as from an instance that died
    expect(await hub.present(code)).toBe(2);
  });

  it('fills a message lost on pub/sub from the stream before handing on the next', async () => {
    const hub = open();
    const code = newRoomCode();
    const k = roomKeys(code);
    await hub.create(roomRecord(code));
    const listener = listen(hub, code);
    await hub.append(code, [RUN]);
    await listener.until(1);
    // Entry 2 reaches the log but not the channel, as when a subscriber's message is dropped.
    const client = raw();
    const lost: RoomEntry = { seq: await client.incr(k.seq), at: 5, body: opened(1) };
    await client.xadd(k.log, `0-${lost.seq}`, 'entry', JSON.stringify(lost));
    const [next] = (await hub.append(code, [frame(1, 0)]))!;
    await listener.until(3);
    expect(listener.entries).toEqual([(await hub.entriesAfter(code, 0))![0], lost, next]);
  });

  it('reads what it missed when its subscriber connection comes back', async () => {
    const hub = open({ onError: () => undefined });
    const code = newRoomCode();
    const k = roomKeys(code);
    await hub.create(roomRecord(code));
    const listener = listen(hub, code);
    await hub.append(code, [RUN]);
    await listener.until(1);
    const client = raw();
    const lost: RoomEntry = { seq: await client.incr(k.seq), at: 5, body: opened(1) };
    await client.xadd(k.log, `0-${lost.seq}`, 'entry', JSON.stringify(lost));
    await client.client('KILL', 'TYPE', 'pubsub'); // nothing follows the lost entry: only the reconnect can bring it
    await listener.until(2);
    expect(listener.entries[1]).toEqual(lost);
  });

  it('hands a listener every entry once, in order, across a Redis restart', { timeout: 60_000 }, async () => {
    const errors: string[] = [];
    const onError = (error: unknown, context: string) => errors.push(`${context}: ${error instanceof Error ? error.message : error}`);
    const [reader, writer] = [open({ onError }), open({ onError })];
    const code = newRoomCode();
    await writer.create(roomRecord(code));
    const listener = listen(reader, code);
    // Through the reader first: another instance's append is "after" the subscribe only once the
    // reader has had an entry (before that, the two race).
    const taken: RoomEntry[] = [...(await reader.append(code, [RUN, opened(1)]))!];
    await listener.until(2);
    for (let i = 0; i < 5; i++) taken.push(...(await writer.append(code, [frame(1, i)]))!);
    await listener.until(7);
    const refused: RoomEntryBody[][] = [];
    await server.restart(async () => {
      for (let i = 5; i < 8; i++) {
        const startedAt = Date.now();
        await expect(writer.append(code, [frame(1, i)])).rejects.toThrow();
        expect(Date.now() - startedAt).toBeLessThan(5000); // fails soon, not once Redis is back
        refused.push([frame(1, i)]);
      }
    });
    for (const bodies of refused) taken.push(...(await appendUntilTaken(writer, code, bodies)));
    for (let i = 8; i < 12; i++) taken.push(...(await appendUntilTaken(writer, code, [frame(1, i)])));
    const all = (await writer.entriesAfter(code, 0))!;
    await listener.until(all.length);
    expect(all.map(({ seq }) => seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(all).toEqual(taken);
    expect(listener.entries).toEqual(all);
    expect(await reader.snapshot(code)).toEqual(applyRoomEntries(EMPTY_ROOM, all));
    expect(errors.some((error) => error.startsWith('Redis subscriber connection'))).toBe(true);
  });
});
