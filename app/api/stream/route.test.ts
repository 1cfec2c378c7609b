import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from './route';

const decoder = new TextDecoder();

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const { value, done } = await reader.read();
  return done ? null : decoder.decode(value);
}

/** Resolves whether `promise` settled without moving the clock. */
async function isSettled(promise: Promise<unknown>) {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

describe('GET /api/stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the seed's three frames one second apart and ends one second after the last", async () => {
    const response = GET(new Request('http://test/api/stream'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.has('connection')).toBe(false);
    const reader = response.body!.getReader();

    expect(await readChunk(reader)).toBe('data: Message 0\n\n');
    for (const i of [1, 2]) {
      const next = readChunk(reader);
      await vi.advanceTimersByTimeAsync(999);
      expect(await isSettled(next)).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await next).toBe(`data: Message ${i}\n\n`);
    }
    const end = readChunk(reader);
    await vi.advanceTimersByTimeAsync(999);
    expect(await isSettled(end)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await end).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('streams n frames of the template at the given delay, every {i} replaced', async () => {
    const response = GET(new Request('http://test/api/stream?n=2&delay=250&template=%7Bi%7D%20of%20%7Bi%7D'));
    const reader = response.body!.getReader();
    expect(await readChunk(reader)).toBe('data: 0 of 0\n\n');
    const next = readChunk(reader);
    await vi.advanceTimersByTimeAsync(250);
    expect(await next).toBe('data: 1 of 1\n\n');
  });

  it('sends a template with line breaks as several data lines, never as a new field or frame', async () => {
    const template = 'a\r\nevent: hijack\n\ndata: {i}\rid: 1';
    const response = GET(new Request(`http://test/api/stream?n=1&delay=0&template=${encodeURIComponent(template)}`));
    const reader = response.body!.getReader();
    expect(await readChunk(reader)).toBe('data: a\ndata: event: hijack\ndata: \ndata: data: 0\ndata: id: 1\n\n');
  });

  it.each([
    ['n=', 'n', 'n must not be empty'],
    ['n=abc', 'n', 'n must be a whole number'],
    ['n=1.5', 'n', 'n must be a whole number'],
    ['n=0', 'n', 'n must be between 1 and 10000'],
    ['n=10001', 'n', 'n must be between 1 and 10000'],
    ['n=1&n=2', 'n', 'n was given more than once'],
    ['delay=', 'delay', 'delay must not be empty'],
    ['delay=-1', 'delay', 'delay must be between 0 and 10000'],
    ['delay=10001', 'delay', 'delay must be between 0 and 10000'],
    ['delay=1e3', 'delay', 'delay must be a whole number'],
    ['template=', 'template', 'template must not be empty'],
    [`template=${'x'.repeat(201)}`, 'template', 'template must be at most 200 characters'],
    ['mode=fast', 'mode', 'mode must be timed, step or predict'],
  ])('answers ?%s with 400 JSON naming the field', async (query, field, error) => {
    const response = GET(new Request(`http://test/api/stream?${query}`));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error, field });
  });

  it('accepts a template of 200 characters counted as a person counts them (an emoji is one)', async () => {
    const response = GET(new Request(`http://test/api/stream?n=1&delay=0&template=${encodeURIComponent('😀'.repeat(200))}`));
    expect(response.status).toBe(200);
    await response.body!.cancel();
  });

  it('stops the generator at once when the client disconnects: timer cleared, body ended, nothing after', async () => {
    const disconnect = new AbortController();
    const response = GET(new Request('http://test/api/stream', { signal: disconnect.signal }));
    const reader = response.body!.getReader();
    expect(await readChunk(reader)).toBe('data: Message 0\n\n');
    const pending = readChunk(reader);
    await vi.advanceTimersByTimeAsync(500);
    expect(vi.getTimerCount()).toBe(2); // the sleep, and the stream's lifetime cap

    disconnect.abort();
    expect(vi.getTimerCount()).toBe(0);
    expect(await pending).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await readChunk(reader)).toBeNull();
  });

  it('stops the generator when the reader cancels the body, and cleanup runs only once', async () => {
    const disconnect = new AbortController();
    const response = GET(new Request('http://test/api/stream', { signal: disconnect.signal }));
    const reader = response.body!.getReader();
    await readChunk(reader);
    const pending = reader.read();
    await vi.advanceTimersByTimeAsync(100);
    await reader.cancel();
    expect(vi.getTimerCount()).toBe(0);
    expect((await pending).done).toBe(true);
    expect(() => disconnect.abort()).not.toThrow();
    expect(vi.getTimerCount()).toBe(0);
  });
});
