import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/stream/[id]/advance/route';
import { GET } from '@/app/api/stream/route';
import { CUT_GRACE_MS } from './event-stream';
import { registryHealth } from './registry';

const decoder = new TextDecoder();

const open = (query: string, lastEventId?: string) =>
  GET(
    new Request(`http://test/api/stream?${query}`, {
      headers: { 'x-stepstream-client': 'rejoin-test', ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }) },
    }),
  );
const advance = async (id: string) =>
  (await POST(new Request(`http://test/api/stream/${id}/advance`, { method: 'POST' }), { params: Promise.resolve({ id }) })).status;

async function next(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
  const { value, done } = await reader.read();
  return done ? null : decoder.decode(value);
}

/** Opens a step stream with ids and reads its id from the first event. */
async function openStepStream(query = 'n=5&mode=step&ids=1') {
  const reader = open(query).body!.getReader();
  const id = /^event: stepstream-id\ndata: ([0-9a-f-]{36})\n\n$/.exec((await next(reader)) ?? '')?.[1];
  if (!id) throw new Error('no stream id');
  return { id, reader };
}

const frame = (id: string, i: number) => `id: ${id}/${i}\ndata: Message ${i}\n\n`;
const idEvent = (id: string) => `event: stepstream-id\ndata: ${id}\n\n`;
const activeStreams = () => registryHealth().activeStreams;

describe('a step-mode stream with ids', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // One place per client: a rejoin that took a second place would be refused.
    vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '1');
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('gives each frame the id <stream-id>/<i>', async () => {
    const { id, reader } = await openStepStream('n=2&mode=step&end=204');
    expect(await advance(id)).toBe(200);
    expect(await next(reader)).toBe(frame(id, 0));
    await advance(id);
    expect(await next(reader)).toBe(frame(id, 1));
    await reader.cancel();
    vi.advanceTimersByTime(60_000);
  });

  it('is held when its connection drops, and a reconnect naming it rejoins it: the missed frames first, then each Step, in the same place', async () => {
    const { id, reader } = await openStepStream();
    await advance(id);
    expect(await next(reader)).toBe(frame(id, 0));
    await advance(id);
    expect(await next(reader)).toBe(frame(id, 1));
    await reader.cancel(); // the connection drops; say the client never saw frame 1
    expect(activeStreams()).toBe(1);

    // The presenter goes on meanwhile: the frames are kept for the rejoin.
    expect(await advance(id)).toBe(200);
    expect(await advance(id)).toBe(200);
    const rejoined = open('n=5&mode=step&ids=1', `${id}/0`);
    expect(rejoined.status).toBe(200);
    expect(activeStreams()).toBe(1);
    const again = rejoined.body!.getReader();
    expect([await next(again), await next(again), await next(again), await next(again)]).toEqual([
      idEvent(id),
      frame(id, 1),
      frame(id, 2),
      frame(id, 3),
    ]);
    await advance(id);
    expect(await next(again)).toBe(frame(id, 4));
    await advance(id); // the sleep after the last frame
    expect(await next(again)).toBeNull();
    expect(activeStreams()).toBe(0);
    expect(await advance(id)).toBe(404);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends when nobody rejoins it within 60 s, freeing its place, and is unknown after', async () => {
    const { id, reader } = await openStepStream();
    await advance(id);
    await next(reader);
    await reader.cancel();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(activeStreams()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(activeStreams()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(await advance(id)).toBe(404);
    const late = open('n=5&mode=step&ids=1', `${id}/0`);
    expect(late.status).toBe(400);
    expect(await late.json()).toEqual({
      error: 'Last-Event-ID names no running step-mode stream (it may have ended).',
      field: 'Last-Event-ID',
    });
  });

  it("answers the reconnect after an ended stream's last frame with 204, and holds no new place for it", async () => {
    const { id, reader } = await openStepStream('n=2&mode=step&ids=1');
    for (const i of [0, 1]) {
      await advance(id);
      expect(await next(reader)).toBe(frame(id, i));
    }
    await advance(id); // the last sleep: the generator ends
    expect(await next(reader)).toBeNull();
    expect(activeStreams()).toBe(0);
    const reconnect = open('n=2&mode=step&ids=1', `${id}/1`);
    expect(reconnect.status).toBe(204);
    expect(activeStreams()).toBe(0);
    // An earlier frame of a stream no longer held is still refused: those frames cannot be sent again.
    expect(open('n=2&mode=step&ids=1', `${id}/0`).status).toBe(400);
  });

  it('refuses a rejoin naming an unknown stream, or a frame it has not sent, with 400 naming the field', async () => {
    const unknown = open('n=5&mode=step&ids=1', '0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b/0');
    expect(await unknown.json()).toMatchObject({ field: 'Last-Event-ID' });
    const { id, reader } = await openStepStream();
    const ahead = open('n=5&mode=step&ids=1', `${id}/0`);
    expect(ahead.status).toBe(400);
    expect(await ahead.json()).toEqual({ error: 'Last-Event-ID names a frame this stream has not sent yet.', field: 'Last-Event-ID' });
    const byQuery = open(`n=5&mode=step&ids=1&lastEventId=${id}/3`);
    expect(await byQuery.json()).toEqual({ error: 'lastEventId names a frame this stream has not sent yet.', field: 'lastEventId' });
    await reader.cancel();
    await vi.advanceTimersByTimeAsync(60_000);
  });

  it('moves to a reconnect that arrives before the old connection was seen to drop: the old one ends', async () => {
    const { id, reader } = await openStepStream();
    await advance(id);
    expect(await next(reader)).toBe(frame(id, 0));
    const second = open('n=5&mode=step&ids=1', `${id}/0`).body!.getReader();
    expect(await next(reader)).toBeNull();
    expect(await next(second)).toBe(idEvent(id));
    await advance(id);
    expect(await next(second)).toBe(frame(id, 1));
    expect(activeStreams()).toBe(1);
    await second.cancel();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(activeStreams()).toBe(0);
  });

  it('is cut once by dropAfter, held, and not cut again once rejoined', async () => {
    const { id, reader } = await openStepStream('n=3&mode=step&ids=1&dropAfter=0');
    await advance(id);
    expect(await next(reader)).toBe(frame(id, 0));
    const cut = expect(reader.read()).rejects.toThrow('dropAfter');
    await vi.advanceTimersByTimeAsync(CUT_GRACE_MS);
    await cut;
    expect(activeStreams()).toBe(1);
    const again = open('n=3&mode=step&ids=1&dropAfter=0', `${id}/0`).body!.getReader();
    expect(await next(again)).toBe(idEvent(id));
    await advance(id);
    expect(await next(again)).toBe(frame(id, 1));
    await advance(id);
    expect(await next(again)).toBe(frame(id, 2));
    await advance(id);
    expect(await next(again)).toBeNull();
  });

  it('with end=204 answers the reconnect after its last frame with 204, and lets the held stream go', async () => {
    const { id, reader } = await openStepStream('n=1&mode=step&end=204');
    await advance(id);
    expect(await next(reader)).toBe(frame(id, 0));
    await reader.cancel();
    expect(activeStreams()).toBe(1);
    const done = open('n=1&mode=step&end=204', `${id}/0`);
    expect(done.status).toBe(204);
    expect(activeStreams()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes a keep-alive comment every 15 s while it waits for the presenter, and still closes after 10 minutes without a Step', async () => {
    const { id, reader } = await openStepStream();
    const comments: string[] = [];
    const reading = (async () => {
      for (let chunk = await next(reader); chunk !== null; chunk = await next(reader)) comments.push(chunk);
    })();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(comments).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(comments).toEqual([': keep-alive\n\n']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(comments).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000 - 45_000);
    await reading;
    // 39 comments (15 s … 585 s), then at 600 s the expiry, which was armed first and so fires before a 40th.
    expect(comments).toHaveLength(40);
    expect(comments.at(-1)).toBe('event: error\ndata: Step mode closed the stream after 10 minutes without a Step.\n\n');
    expect(await advance(id)).toBe(404);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a step-mode stream without ids', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ends when its connection closes, as before: nothing is held', async () => {
    const { id, reader } = await openStepStream('mode=step');
    await reader.cancel();
    expect(activeStreams()).toBe(0);
    expect(await advance(id)).toBe(404);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes keep-alive comments too while it waits', async () => {
    const { reader } = await openStepStream('mode=step');
    const chunk = next(reader);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await chunk).toBe(': keep-alive\n\n');
    await reader.cancel();
  });
});
