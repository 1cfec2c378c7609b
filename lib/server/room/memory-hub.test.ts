import { describe, expect, it } from 'vitest';
import { EMPTY_ROOM, applyRoomEntries } from '@/lib/room/state';
import { RUN, describeRoomHub, frame, listen, newRoomCode, opened, roomRecord } from './testing/hub-contract';
import { createMemoryHub } from './memory-hub';

describeRoomHub('the memory hub', async (now) => {
  const hub = createMemoryHub({ now });
  // One process, nothing to share: the second "instance" is the hub itself.
  return { hub, peer: hub, close: () => hub.close() };
});

describe('createMemoryHub', () => {
  it('forgets a room left idle longer than idleMs, and keeps one touched in time', async () => {
    let time = 0;
    const hub = createMemoryHub({ now: () => time, idleMs: 1000 });
    const [idle, busy] = [newRoomCode(), newRoomCode()];
    await hub.create(roomRecord(idle));
    await hub.create(roomRecord(busy));
    time = 900;
    await hub.append(busy, [RUN]);
    time = 1001;
    expect(await hub.find(idle)).toBeNull();
    expect(await hub.snapshot(idle)).toBeNull();
    expect(await hub.append(idle, [RUN])).toBeNull();
    expect(await hub.find(busy)).toEqual(roomRecord(busy));
    expect(await hub.create(roomRecord(idle, 1001))).toBe(true); // its code is free again
    expect(await hub.snapshot(idle)).toEqual(EMPTY_ROOM);
    await hub.close();
  });

  it('keeps only the last logLimit entries for catch-up, yet a complete snapshot', async () => {
    const hub = createMemoryHub({ logLimit: 5 });
    const code = newRoomCode();
    await hub.create(roomRecord(code));
    const listener = listen(hub, code);
    await hub.append(code, [RUN, opened(1)]);
    for (let i = 0; i < 10; i++) await hub.append(code, [frame(1, i)]);
    expect(await hub.entriesAfter(code, 0)).toBeNull();
    expect(await hub.entriesAfter(code, 6)).toBeNull(); // entry 7 is gone
    expect((await hub.entriesAfter(code, 7))?.map(({ seq }) => seq)).toEqual([8, 9, 10, 11, 12]);
    expect(await hub.snapshot(code)).toEqual(applyRoomEntries(EMPTY_ROOM, listener.entries));
    expect((await hub.snapshot(code))?.events).toHaveLength(11);
    await hub.close();
  });
});
