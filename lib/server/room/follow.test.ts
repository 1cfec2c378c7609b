import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_MS } from '@/lib/contract/protocol';
import type { RoomEntryBody } from '@/lib/room/protocol';
import { KEEP_ALIVE_FRAME } from '@/lib/sse/frames';
import { readSse, type SseMessage } from '@/lib/sse/read';
import { processState } from '../process-state';
import { followRoomStream } from './follow';
import type { RoomHub } from './hub';
import { createMemoryHub } from './memory-hub';

let hub: RoomHub;
const CODE = 'ACDEFG';
const reset: RoomEntryBody = { kind: 'reset' };

afterEach(async () => {
  await hub?.close();
});

async function roomWith(entries: number) {
  hub = createMemoryHub();
  await hub.create({ code: CODE, secretHash: 'x', createdAt: 0 });
  if (entries > 0)
    await hub.append(
      CODE,
      Array.from({ length: entries }, () => reset),
    );
}

/**
 * Reads a follower's stream until `count` messages (snapshot, entry or presence) have arrived. The
 * stream stays open (reading on in the background), as a follower's does, until the test aborts it.
 */
function readMessages(
  stream: ReadableStream<Uint8Array>,
  count: number,
  filter = (message: SseMessage) => message.event !== 'presence',
): Promise<{ messages: SseMessage[]; retry: number | null }> {
  const messages: SseMessage[] = [];
  let retry: number | null = null;
  return new Promise((resolve, reject) => {
    const done = () => resolve({ messages: [...messages], retry });
    readSse(stream, (read) => {
      for (const item of read.items) {
        if (item.kind === 'retry') retry = item.retryMs;
        if (item.kind === 'event' && filter(item)) messages.push(item);
      }
      if (messages.length >= count) done();
    }).then(done, reject);
  });
}

describe('followRoomStream', () => {
  it('starts with the room as it stands, then each entry with its number as id', async () => {
    await roomWith(2);
    const controller = new AbortController();
    const stream = followRoomStream(hub, CODE, null, true, controller.signal);
    setTimeout(() => void hub.append(CODE, [{ kind: 'seek', cursor: 2 }]), 20);
    const { messages, retry } = await readMessages(stream, 2);
    expect(retry).toBe(1000);
    expect(messages[0]).toMatchObject({ event: 'snapshot', id: '2' });
    expect(JSON.parse(messages[0]!.data)).toMatchObject({ seq: 2, status: 'idle' });
    expect(messages[1]).toMatchObject({ event: 'entry', id: '3' });
    expect(JSON.parse(messages[1]!.data)).toMatchObject({ seq: 3, body: { kind: 'seek', cursor: 2 } });
    controller.abort();
  });

  it('gives a reconnect exactly the entries after its Last-Event-ID, then the live ones, none twice', async () => {
    await roomWith(5);
    const controller = new AbortController();
    const stream = followRoomStream(hub, CODE, 3, true, controller.signal);
    // Appended while the catch-up is read: held, then passed on once.
    void hub.append(CODE, [reset]);
    setTimeout(() => void hub.append(CODE, [reset]), 20);
    const { messages } = await readMessages(stream, 4);
    expect(messages.map((message) => [message.event, message.id])).toEqual([
      ['entry', '4'],
      ['entry', '5'],
      ['entry', '6'],
      ['entry', '7'],
    ]);
    controller.abort();
  });

  it('sends a snapshot to a reconnect whose Last-Event-ID is ahead of the room (its log was lost)', async () => {
    await roomWith(2);
    const controller = new AbortController();
    const { messages } = await readMessages(followRoomStream(hub, CODE, 40, true, controller.signal), 1);
    expect(messages[0]).toMatchObject({ event: 'snapshot', id: '2' });
    controller.abort();
  });

  it('counts a student in while connected and out when the connection ends', async () => {
    await roomWith(0);
    const controller = new AbortController();
    const stream = followRoomStream(hub, CODE, null, true, controller.signal);
    const { messages } = await readMessages(stream, 2, () => true);
    expect(messages.find((message) => message.event === 'presence')?.data).toBe('{"present":1}');
    expect(processState().roomFollowers.get(CODE)?.students).toBe(1);
    controller.abort();
    expect(processState().roomFollowers.has(CODE)).toBe(false);
    expect(await hub.present(CODE)).toBe(0);
  });
});

describe('followRoomStream keep-alive', () => {
  it('writes the keep-alive comment after KEEP_ALIVE_MS without a write, as /api/stream does', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      await roomWith(0);
      const controller = new AbortController();
      let text = '';
      const reading = readSse(followRoomStream(hub, CODE, null, true, controller.signal), (read) => void (text += read.text));
      await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS - 1);
      expect(text).toContain('event: snapshot');
      expect(text).not.toContain(KEEP_ALIVE_FRAME);
      await vi.advanceTimersByTimeAsync(1);
      expect(text.endsWith(KEEP_ALIVE_FRAME)).toBe(true);
      controller.abort();
      await reading;
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('followRoomStream at shutdown', () => {
  it('ends every follower with the shutdown comment, so it reconnects elsewhere', async () => {
    const { shutdownStreams, resumeAdmissions } = await import('../registry');
    await roomWith(1);
    const stream = followRoomStream(hub, CODE, null, true);
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value);
        if (text.includes('event: snapshot')) break;
      }
    };
    await read();
    expect(processState().roomStreams.size).toBe(1);
    expect(shutdownStreams()).toBe(1);
    resumeAdmissions();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text.endsWith(': server shutting down\n\n')).toBe(true);
    expect(processState().roomStreams.size).toBe(0);
  });
});
