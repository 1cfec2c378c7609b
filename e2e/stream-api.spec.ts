import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { readStream, type StreamResult } from './raw-http';

/**
 * `GET /api/stream` against the production server (`server.mjs`, see playwright.config.ts), over
 * plain HTTP from Node. `node:http` hands over the body as it comes off the socket, so every frame
 * gets its own arrival time; fetch could buffer and hide whether frames leave one by one.
 *
 * Timing bounds are deliberately loose: a gap of "one second" must be at least 800 ms (so frames
 * are not batched), and at most a few seconds (so nothing stalls). Only lower bounds matter for
 * the streaming claim; a slow machine stretches gaps, it cannot shrink them.
 */

/** Milliseconds between consecutive moments, e.g. frame arrivals. */
const gaps = (moments: number[]) => moments.slice(1).map((moment, i) => moment - moments[i]!);

const SEED_BODY = 'data: Message 0\n\ndata: Message 1\n\ndata: Message 2\n\n';
const SEED_FRAMES = ['data: Message 0\n\n', 'data: Message 1\n\n', 'data: Message 2\n\n'];

/**
 * The seed's pacing: a frame, a one-second sleep, the next frame… and a sleep after the last
 * frame too, so the body ends about a second after Message 2.
 */
function expectSeedPacing(result: StreamResult) {
  expect(result.frames.map((frame) => frame.text)).toEqual(SEED_FRAMES);
  const moments = [...result.frames.map((frame) => frame.at), result.endedAt];
  // Message 0 is yielded before the first sleep: it must not wait behind anything.
  expect(moments[0]! - result.headersAt, 'Message 0 after the headers (ms)').toBeLessThan(3_000);
  const [toMessage1, toMessage2, toEnd] = gaps(moments);
  for (const [label, gap] of [
    ['Message 0 → Message 1', toMessage1],
    ['Message 1 → Message 2', toMessage2],
    ['Message 2 → end of body', toEnd],
  ] as const) {
    expect(gap, `${label} (ms)`).toBeGreaterThanOrEqual(800);
    expect(gap, `${label} (ms)`).toBeLessThan(5_000);
  }
}

// @serial: these measure frame timing to 100 ms and count the server's open streams (/api/health), which
// another worker's streams would change.
test.describe('GET /api/stream', { tag: '@serial' }, () => {
  test('streams the seed: three messages a second apart, then ends a second later', async ({ baseURL }) => {
    const result = await readStream(baseURL, '/api/stream');

    expect(result.status).toBe(200);
    // The headers the app sets (lib/sse/headers.ts).
    expect(result.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(result.headers['cache-control']).toBe('no-cache, no-transform');
    expect(result.headers['x-accel-buffering']).toBe('no');
    // Streamed, not buffered into one sized body, and not compressed (this client asks for no encoding).
    expect(result.headers['content-length']).toBeUndefined();
    expect(result.headers['content-encoding']).toBeUndefined();
    // No assertion on `Connection`, `Keep-Alive` or `Transfer-Encoding`: the app sets none of them
    // (lib/sse/headers.ts), and Node's HTTP/1.1 server adds them itself. With curl's keep-alive
    // request `next start` sends `Connection: keep-alive` and `Keep-Alive: timeout=5`; with this
    // client's one-off connection (`agent: false`, so `Connection: close`) it answers `close`.
    // Next also adds `Vary: rsc, next-router-state-tree, …`, which is Next's, not the app's.

    expect(result.body).toBe(SEED_BODY);
    expectSeedPacing(result);
  });

  test('is neither compressed nor buffered when the client accepts gzip, deflate and br', async ({ baseURL }) => {
    // `next start` compresses responses by default; `Cache-Control: no-transform` must keep it off
    // this one, since a compressor holds bytes back until its buffer fills.
    const result = await readStream(baseURL, '/api/stream', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });

    expect(result.status).toBe(200);
    expect(result.headers['content-encoding']).toBeUndefined();
    expect(result.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    // Plain text byte for byte (this client never decompresses, so gzip would not compare equal).
    expect(result.body).toBe(SEED_BODY);
    expectSeedPacing(result);
  });

  for (const { query, field } of [
    { query: 'n=abc', field: 'n' },
    { query: 'delay=99999', field: 'delay' },
    { query: 'template=', field: 'template' },
  ] as const) {
    test(`rejects ?${query} with 400 naming the field "${field}"`, async ({ baseURL }) => {
      const result = await readStream(baseURL, `/api/stream?${query}`);

      expect(result.status).toBe(400);
      expect(result.headers['content-type']).toMatch(/^application\/json/);
      const body: unknown = JSON.parse(result.body);
      expect(body).toEqual({ error: expect.any(String), field });
      expect((body as { error: string }).error.length).toBeGreaterThan(0);
    });
  }

  test('survives a client that hangs up mid-stream', async ({ baseURL }) => {
    const cutShort = await readStream(baseURL, '/api/stream?n=1000&delay=50', { stopAfterFrames: 3 });

    expect(cutShort.status).toBe(200);
    expect(cutShort.disconnected).toBe(true);
    // At least three: a busy machine may hand over a fourth frame in the same read.
    expect(cutShort.frames.slice(0, 3).map((frame) => frame.text)).toEqual([
      'data: Message 0\n\n',
      'data: Message 1\n\n',
      'data: Message 2\n\n',
    ]);

    // Let several 50 ms sleeps elapse after the hang-up: a generator still running into the closed
    // stream would throw now, and take the server down with it.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const next = await readStream(baseURL, '/api/stream?n=1&delay=0');
    expect(next.status).toBe(200);
    expect(next.disconnected).toBe(false);
    expect(next.body).toBe('data: Message 0\n\n');
  });

  test('sends every line of a multi-line template as its own data line', async ({ baseURL }) => {
    const template = encodeURIComponent('a\nevent: x\n\nb {i}');
    const result = await readStream(baseURL, `/api/stream?n=2&delay=0&template=${template}`);

    expect(result.status).toBe(200);
    // A line that looks like a field (`event: x`) or is blank stays data: it cannot end the frame early.
    expect(result.body).toBe('data: a\ndata: event: x\ndata: \ndata: b 0\n\ndata: a\ndata: event: x\ndata: \ndata: b 1\n\n');
  });

  test('answers HEAD with the headers a GET would get, and starts no stream', async ({ request }) => {
    const activeStreams = async () => (await (await request.get('/api/health')).json()).activeStreams as number;
    await expect.poll(activeStreams).toBe(0); // streams of earlier tests have closed
    const head = await request.head('/api/stream?n=5&delay=10000');
    expect(head.status()).toBe(200);
    expect(head.headers()['content-type']).toBe('text/event-stream; charset=utf-8');
    expect((await request.head('/api/stream?n=abc')).status()).toBe(400);
    expect(await activeStreams()).toBe(0);
  });
});

/** Frame i of the default template with its id, as `ids=1` sends it. */
const withId = (i: number) => `id: ${i}\ndata: Message ${i}\n\n`;

/**
 * A keep-alive GET over raw TCP, and everything the server sent until it closed the connection
 * (or `waitMs` passed). A response that ends cleanly leaves a keep-alive connection open, so
 * `closedAt` set means the server dropped it.
 */
function rawGet(
  baseURL: string | undefined,
  path: string,
  waitMs: number,
): Promise<{ received: string; closedAt: number | null; sentAt: number }> {
  if (!baseURL) throw new Error('baseURL is not configured (playwright.config.ts `use.baseURL`)');
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(baseURL).port), '127.0.0.1');
    const result = { received: '', closedAt: null as number | null, sentAt: 0 };
    const finish = () => {
      clearTimeout(giveUp);
      socket.destroy();
      resolve(result);
    };
    const giveUp = setTimeout(finish, waitMs);
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      result.sentAt = performance.now();
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
    });
    socket.on('data', (text: string) => (result.received += text));
    const closed = () => {
      result.closedAt ??= performance.now();
      finish();
    };
    socket.on('end', closed);
    socket.on('close', closed);
    socket.on('error', closed);
  });
}

test.describe('GET /api/stream: the wire options', { tag: '@serial' }, () => {
  test('a real Last-Event-ID header resumes after that frame, ids and data as the full stream sends them', async ({ baseURL }) => {
    const full = await readStream(baseURL, '/api/stream?n=5&delay=50&ids=1');
    expect(full.body).toBe([0, 1, 2, 3, 4].map(withId).join(''));

    const resumed = await readStream(baseURL, '/api/stream?n=5&delay=50&ids=1', { headers: { 'Last-Event-ID': '2' } });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toBe(withId(3) + withId(4));
    // Frame 3 leaves at once: the client had frame 2 and its sleep already.
    expect(resumed.frames[0]!.at - resumed.headersAt).toBeLessThan(1_000);

    const refused = await readStream(baseURL, '/api/stream?n=5&ids=1', { headers: { 'Last-Event-ID': '5' } });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ field: 'Last-Event-ID' });
  });

  test('sends retry first and the end event last, to the byte', async ({ baseURL }) => {
    const result = await readStream(baseURL, '/api/stream?n=2&delay=0&retry=2500&ids=1&end=event');
    expect(result.body).toBe(`retry: 2500\n\n${withId(0)}${withId(1)}event: end\ndata: done\n\n`);
    expect(result.cut).toBe(false);
  });

  test('dropAfter cuts the TCP connection right after frame K, with no last chunk; a resumed request is not cut', async ({ baseURL }) => {
    const cut = await rawGet(baseURL, '/api/stream?n=5&delay=200&ids=1&dropAfter=1', 10_000);
    // A clean end would keep this keep-alive connection open; the server closed it instead.
    expect(cut.closedAt, 'the server closed the connection').not.toBeNull();
    expect(cut.closedAt! - cut.sentAt).toBeLessThan(5_000);
    expect(cut.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(cut.received).toContain(withId(1));
    expect(cut.received).not.toContain('Message 2');
    expect(cut.received).not.toMatch(/\r\n0\r\n\r\n$/); // the chunked body's last chunk never came

    const seen = await readStream(baseURL, '/api/stream?n=5&delay=200&ids=1&dropAfter=1');
    expect([seen.cut, seen.body]).toEqual([true, withId(0) + withId(1)]);

    const resumed = await readStream(baseURL, '/api/stream?n=5&delay=50&ids=1&dropAfter=1', { headers: { 'Last-Event-ID': '0' } });
    expect([resumed.cut, resumed.body]).toEqual([false, [1, 2, 3, 4].map(withId).join('')]);
  });

  test('buffer=K delivers the frames in bursts of K, a burst per K sleeps', async ({ baseURL }) => {
    const result = await readStream(baseURL, '/api/stream?n=6&delay=400&buffer=3');
    expect(result.body).toBe([0, 1, 2, 3, 4, 5].map((i) => `data: Message ${i}\n\n`).join(''));
    const at = result.frames.map((frame) => frame.at);
    // Each burst arrives together…
    for (const [first, last] of [
      [0, 2],
      [3, 5],
    ] as const) {
      expect(at[last]! - at[first]!, `frames ${first}–${last} arrive together (ms)`).toBeLessThan(100);
    }
    // …and the second a burst's worth of sleeps after the first (three sleeps of 400 ms).
    expect(at[3]! - at[2]!, 'between the bursts (ms)').toBeGreaterThanOrEqual(1_000);
    // The unbuffered stream, for contrast: a frame per sleep.
    const unbuffered = await readStream(baseURL, '/api/stream?n=3&delay=400');
    expect(unbuffered.frames[1]!.at - unbuffered.frames[0]!.at).toBeGreaterThanOrEqual(300);
  });

  test('end=204 answers the reconnect after the last frame with 204 No Content, no body, and HEAD says the same', async ({
    baseURL,
    request,
  }) => {
    const ended = await readStream(baseURL, '/api/stream?n=3&end=204', { headers: { 'Last-Event-ID': '2' } });
    expect(ended.status).toBe(204);
    expect(ended.body).toBe('');
    expect(ended.headers['content-type']).toBeUndefined();
    expect(ended.headers['cache-control']).toBe('no-cache, no-transform');
    expect(ended.headers['x-content-type-options']).toBe('nosniff');
    expect((await request.head('/api/stream?n=3&end=204', { headers: { 'Last-Event-ID': '2' } })).status()).toBe(204);

    const earlier = await readStream(baseURL, '/api/stream?n=3&delay=0&end=204', { headers: { 'Last-Event-ID': '1' } });
    expect([earlier.status, earlier.body]).toEqual([200, withId(2)]);
  });
});
