import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CUT_GRACE_MS } from '@/lib/server/event-stream';
import { registryHealth } from '@/lib/server/registry';
import { GET, HEAD } from './route';

const decoder = new TextDecoder();

/** What a reader saw, each chunk with the (fake) milliseconds since the request; last, how the body ended. */
type Arrival = [ms: number, chunk: string];

/**
 * Reads a response to its end under fake timers, moving the clock 50 ms at a time (every delay
 * here is a multiple of 50, so arrival times are exact), and records each chunk as it comes.
 */
async function readTimed(response: Response, limitMs = 120_000): Promise<{ arrivals: Arrival[]; ending: 'end' | 'error'; at: number }> {
  const start = Date.now();
  const reader = response.body!.getReader();
  const arrivals: Arrival[] = [];
  let ending: 'end' | 'error' | undefined;
  let at = -1;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        arrivals.push([Date.now() - start, decoder.decode(value)]);
      }
      ending = 'end';
    } catch {
      ending = 'error';
    }
    at = Date.now() - start;
  })();
  await vi.advanceTimersByTimeAsync(0);
  while (ending === undefined && Date.now() - start < limitMs) await vi.advanceTimersByTimeAsync(50);
  if (ending === undefined) throw new Error('the body did not end');
  return { arrivals, ending, at };
}

const get = (query: string, headers: Record<string, string> = {}) => GET(new Request(`http://test/api/stream?${query}`, { headers }));
const bodyOf = async (query: string, headers?: Record<string, string>) =>
  (await readTimed(get(query, headers))).arrivals.map(([, chunk]) => chunk).join('');

/** Frame i of the default template, with its id. */
const frame = (i: number) => `id: ${i}\ndata: Message ${i}\n\n`;

describe('GET /api/stream: the wire options', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('with ids=1 sends id: i before each data line, one second apart as the seed, and ends a second after the last', async () => {
    const { arrivals, ending, at } = await readTimed(get('ids=1'));
    expect(arrivals).toEqual([
      [0, 'id: 0\ndata: Message 0\n\n'],
      [1000, 'id: 1\ndata: Message 1\n\n'],
      [2000, 'id: 2\ndata: Message 2\n\n'],
    ]);
    expect([ending, at]).toEqual(['end', 3000]);
  });

  it('with ids=0, or with no query at all, sends the seed byte for byte', async () => {
    const seed = 'data: Message 0\n\ndata: Message 1\n\ndata: Message 2\n\n';
    expect(await bodyOf('ids=0')).toBe(seed);
    expect(await bodyOf('')).toBe(seed);
  });

  it('with retry=MS sends retry: MS in a block of its own before anything else, step mode’s id included', async () => {
    expect((await readTimed(get('n=1&delay=0&retry=2500'))).arrivals).toEqual([
      [0, 'retry: 2500\n\n'],
      [0, 'data: Message 0\n\n'],
    ]);
    const step = get('mode=step&retry=0').body!.getReader();
    expect(decoder.decode((await step.read()).value)).toBe('retry: 0\n\n');
    expect(decoder.decode((await step.read()).value)).toMatch(/^event: stepstream-id\ndata: [0-9a-f-]{36}\n\n$/);
    await step.cancel();
  });

  it('with end=event sends event: end / data: done after the generator’s last sleep, then ends', async () => {
    const { arrivals, ending, at } = await readTimed(get('n=2&delay=500&end=event'));
    expect(arrivals).toEqual([
      [0, 'data: Message 0\n\n'],
      [500, 'data: Message 1\n\n'],
      [1000, 'event: end\ndata: done\n\n'],
    ]);
    expect([ending, at]).toEqual(['end', 1000]);
  });

  it('with end=close (the default) just ends', async () => {
    expect(await bodyOf('n=1&delay=0&end=close')).toBe('data: Message 0\n\n');
  });
});

describe('GET /api/stream: resuming', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resumes after the Last-Event-ID header at every k: frames k+1 … n−1 at once and a delay apart, then the usual end', async () => {
    for (const k of [0, 1, 2]) {
      const { arrivals, ending, at } = await readTimed(get('ids=1', { 'Last-Event-ID': String(k) }));
      const expected = [3, 4, 5].slice(0, 2 - k).map((_, j): Arrival => [j * 1000, frame(k + 1 + j)]);
      expect(arrivals, `k = ${k}`).toEqual(expected);
      // The sleep after each sent frame still happens; k = n − 1 has nothing left and ends at once.
      expect([ending, at], `k = ${k}`).toEqual(['end', (2 - k) * 1000]);
    }
  });

  it('resumes the same way after the lastEventId parameter, and sends end=event’s frame after a resume at n − 1', async () => {
    expect(await bodyOf('ids=1&lastEventId=0')).toBe(frame(1) + frame(2));
    expect(await bodyOf('ids=1&end=event&lastEventId=2')).toBe('event: end\ndata: done\n\n');
    // Without ids the frames carry none, as the full stream's would not.
    expect(await bodyOf('lastEventId=1')).toBe('data: Message 2\n\n');
  });

  it('sends exactly the full stream’s frames after k, for any n, k and template', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        fc.constantFrom('Message {i}', '{i}\n{i}', 'x', 'a\r\nb {i}'),
        fc.boolean(),
        async ([n, k], template, ids) => {
          const query = new URLSearchParams({ n: String(n), delay: '0', template, ids: ids ? '1' : '0' });
          const full = (await readTimed(get(query.toString()))).arrivals.map(([, chunk]) => chunk);
          const resumed = (await readTimed(get(query.toString(), { 'Last-Event-ID': String(k) }))).arrivals.map(([, chunk]) => chunk);
          expect(resumed).toEqual(full.slice(k + 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a Last-Event-ID this stream could not have sent with 400 naming the header, before any byte', async () => {
    for (const id of ['3', '-1', '01', 'abc', '0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b/1']) {
      const response = get('', { 'Last-Event-ID': id });
      expect(response.status, id).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/^Last-Event-ID must be an event id/), field: 'Last-Event-ID' });
    }
    const disagree = get('lastEventId=0', { 'Last-Event-ID': '1' });
    expect(await disagree.json()).toEqual({
      error: 'lastEventId and the Last-Event-ID header name different events',
      field: 'lastEventId',
    });
    expect(registryHealth().activeStreams).toBe(0);
  });
});

describe('GET /api/stream?end=204', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives its frames ids even without ids=1', async () => {
    expect(await bodyOf('n=2&delay=0&end=204')).toBe(frame(0) + frame(1));
  });

  it('answers the reconnect after the last frame with 204 No Content: no body, no stream, the cache headers kept', async () => {
    for (const request of [get('end=204', { 'Last-Event-ID': '2' }), get('end=204&lastEventId=2')]) {
      expect(request.status).toBe(204);
      expect(request.body).toBeNull();
      expect(request.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(request.headers.has('content-type')).toBe(false);
    }
    expect(registryHealth().activeStreams).toBe(0);
  });

  it('streams any other reconnect as usual', async () => {
    expect(await bodyOf('end=204', { 'Last-Event-ID': '1' })).toBe(frame(2));
  });
});

describe('GET /api/stream?dropAfter=K', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('cuts the body right after frame K: an error, not an end, and its place is freed', async () => {
    const { arrivals, ending, at } = await readTimed(get('n=5&delay=300&ids=1&dropAfter=1'));
    expect(arrivals).toEqual([
      [0, frame(0)],
      [300, frame(1)],
    ]);
    // CUT_GRACE_MS after it (the frame leaves, and reaches the page, first); never at frame 2's time.
    expect(ending).toBe('error');
    expect(at).toBe(300 + CUT_GRACE_MS);
    expect(registryHealth().activeStreams).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never cuts a request that resumes, by header or by parameter', async () => {
    for (const request of [
      get('n=5&delay=100&ids=1&dropAfter=3', { 'Last-Event-ID': '1' }),
      get('n=5&delay=100&ids=1&dropAfter=3&lastEventId=1'),
    ]) {
      const { arrivals, ending } = await readTimed(request);
      expect(arrivals.map(([, chunk]) => chunk)).toEqual([frame(2), frame(3), frame(4)]);
      expect(ending).toBe('end');
    }
  });

  it('cuts at the last frame too: the client never sees an end', async () => {
    const { arrivals, ending } = await readTimed(get('n=2&delay=0&dropAfter=1'));
    expect(arrivals.map(([, chunk]) => chunk)).toEqual(['data: Message 0\n\n', 'data: Message 1\n\n']);
    expect(ending).toBe('error');
  });
});

describe('GET /api/stream?buffer=K', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the frames K at a time, each batch when its last frame is yielded, the rest with the end; the sleeps unchanged', async () => {
    const { arrivals, ending, at } = await readTimed(get('n=5&delay=1000&buffer=2'));
    expect(arrivals).toEqual([
      [1000, 'data: Message 0\n\ndata: Message 1\n\n'],
      [3000, 'data: Message 2\n\ndata: Message 3\n\n'],
      [5000, 'data: Message 4\n\n'],
    ]);
    expect([ending, at]).toEqual(['end', 5000]);
  });

  it('sends the retry block at once and holds only the frames', async () => {
    const { arrivals } = await readTimed(get('n=2&delay=100&buffer=3&retry=10&end=event'));
    expect(arrivals).toEqual([
      [0, 'retry: 10\n\n'],
      [200, 'data: Message 0\n\ndata: Message 1\n\nevent: end\ndata: done\n\n'],
    ]);
  });

  it('sends what it holds, then cuts, when a cut comes mid-batch', async () => {
    const { arrivals, ending } = await readTimed(get('n=5&delay=100&buffer=3&dropAfter=1'));
    expect(arrivals).toEqual([[100, 'data: Message 0\n\ndata: Message 1\n\n']]);
    expect(ending).toBe('error');
  });

  it('writes a keep-alive comment while it holds frames for 15 s', async () => {
    const { arrivals, at } = await readTimed(get('n=3&delay=10000&buffer=3'));
    expect(arrivals).toEqual([
      [15_000, ': keep-alive\n\n'],
      [20_000, 'data: Message 0\n\ndata: Message 1\n\ndata: Message 2\n\n'],
    ]);
    expect(at).toBe(30_000);
  });
});

describe('HEAD /api/stream', () => {
  it('answers as the GET would for the new parameters and Last-Event-ID, and starts nothing', async () => {
    const head = (query: string, headers: Record<string, string> = {}) =>
      HEAD(new Request(`http://test/api/stream?${query}`, { method: 'HEAD', headers }));
    expect(head('ids=1&retry=10&end=event&dropAfter=0&buffer=5').status).toBe(200);
    expect(head('end=204', { 'Last-Event-ID': '2' }).status).toBe(204);
    expect(head('end=204', { 'Last-Event-ID': '2' }).headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(head('end=204', { 'Last-Event-ID': '1' }).status).toBe(200);
    for (const [query, header] of [
      ['buffer=0', null],
      ['dropAfter=3', null],
      ['', '3'],
      ['mode=step&ids=1', '0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b/0'],
    ] as const) {
      const response = head(query, header === null ? {} : { 'Last-Event-ID': header });
      expect(response.status, `${query} ${header}`).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/json');
    }
    expect(registryHealth().activeStreams).toBe(0);
  });
});
