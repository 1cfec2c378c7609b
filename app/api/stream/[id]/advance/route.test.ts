import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '../../route';
import { POST } from './route';
import { activeStepStreams } from '@/lib/server/step-mode';

const decoder = new TextDecoder();

/** Opens a step-mode stream and reads its id from the first event. */
async function openStepStream(query = 'n=3&mode=step') {
  const response = GET(new Request(`http://test/api/stream?${query}`));
  const reader = response.body!.getReader();
  const first = decoder.decode((await reader.read()).value);
  const id = /^event: stepstream-id\ndata: ([0-9a-f-]{36})\n\n$/.exec(first)?.[1];
  if (!id) throw new Error(`no stream id in ${JSON.stringify(first)}`);
  return { id, reader };
}

const advance = (id: string) =>
  POST(new Request(`http://test/api/stream/${id}/advance`, { method: 'POST' }), { params: Promise.resolve({ id }) });

/** The next chunk that is not a keep-alive comment (a waiting step stream writes one every 15 s). */
async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
  const { value, done } = await reader.read();
  if (done) return null;
  const chunk = decoder.decode(value);
  return chunk === ': keep-alive\n\n' ? readChunk(reader) : chunk;
}

/** Whether `promise` settles while timers run for `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number) {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('POST /api/stream/{id}/advance', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers 404 JSON for an id no stream has', async () => {
    const response = await advance('00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No step-mode stream with this id is running (it may have finished).', field: 'id' });
  });

  it('holds every frame until a Step, then lets exactly one through', async () => {
    const { id, reader } = await openStepStream();
    const first = readChunk(reader);
    expect(await settlesWithin(first, 60_000)).toBe(false);
    expect((await advance(id)).status).toBe(200);
    expect(await first).toBe('data: Message 0\n\n');
    const second = readChunk(reader);
    expect(await settlesWithin(second, 60_000)).toBe(false);
    await advance(id);
    expect(await second).toBe('data: Message 1\n\n');
    await reader.cancel();
  });

  it('gives two frames for two quick advances', async () => {
    const { id, reader } = await openStepStream();
    await advance(id);
    await advance(id);
    expect(await readChunk(reader)).toBe('data: Message 0\n\n');
    expect(await readChunk(reader)).toBe('data: Message 1\n\n');
    const third = readChunk(reader);
    expect(await settlesWithin(third, 1000)).toBe(false);
    await reader.cancel();
  });

  it('answers 404 once the stream has ended, and the stream leaves no timer behind', async () => {
    const before = activeStepStreams();
    const { id, reader } = await openStepStream('n=1&mode=step');
    expect(activeStepStreams()).toBe(before + 1);
    await advance(id); // the one yield
    expect(await readChunk(reader)).toBe('data: Message 0\n\n');
    await advance(id); // the sleep after it
    expect(await readChunk(reader)).toBeNull();
    expect((await advance(id)).status).toBe(404);
    expect(activeStepStreams()).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('closes a stream left without an advance for 10 minutes, with an error event', async () => {
    const { id, reader } = await openStepStream();
    await advance(id);
    expect(await readChunk(reader)).toBe('data: Message 0\n\n');
    const next = readChunk(reader);
    expect(await settlesWithin(next, 10 * 60 * 1000 - 1)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await next).toBe('event: error\ndata: Step mode closed the stream after 10 minutes without a Step.\n\n');
    expect(await readChunk(reader)).toBeNull();
    expect((await advance(id)).status).toBe(404);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets the stream when its client disconnects', async () => {
    const disconnect = new AbortController();
    const response = GET(new Request('http://test/api/stream?mode=step', { signal: disconnect.signal }));
    const reader = response.body!.getReader();
    const id = /data: (.+)\n/.exec(decoder.decode((await reader.read()).value))![1]!;
    disconnect.abort();
    expect((await advance(id)).status).toBe(404);
    expect(vi.getTimerCount()).toBe(0);
  });
});
