import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STEP_REJOIN_WINDOW_MS } from '@/lib/contract/protocol';
import { GET as health } from '../health/route';
import { resumeAdmissions, shutdownStreams } from '@/lib/server/registry';
import { GET } from './route';

const decoder = new TextDecoder();
const open = (query = '', client = 'client-a', signal?: AbortSignal) =>
  GET(new Request(`http://test/api/stream${query}`, { headers: { 'x-stepstream-client': client }, signal }));
const activeStreams = async () => ((await health().json()) as { activeStreams: number }).activeStreams;

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text;
    text += decoder.decode(value);
  }
}

describe('stream limits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    resumeAdmissions();
  });

  it('refuses a client over its cap with 429, Retry-After and a JSON error, and admits others', async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '2');
    const first = open('', 'a');
    const second = open('', 'a');
    const third = open('', 'a');
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(await third.json()).toEqual({
      error: 'Too many open streams from your address (the limit is 2); close one and try again.',
      field: null,
    });
    const other = open('', 'b');
    expect(other.status).toBe(200);

    await first.body!.cancel();
    const again = open('', 'a');
    expect(again.status).toBe(200);
    await Promise.all([second, other, again].map((response) => response.body!.cancel()));
  });

  it('refuses streams over the process cap with 503', async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAMS', '2');
    const responses = ['x', 'y', 'z'].map((client) => open('', client));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 503]);
    expect(responses[2]!.headers.get('retry-after')).toBe('5');
    await Promise.all(responses.slice(0, 2).map((r) => r.body!.cancel()));
  });

  it('takes 0 to mean no cap', async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '0');
    const responses = Array.from({ length: 120 }, () => open('', 'same'));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await Promise.all(responses.map((r) => r.body!.cancel()));
  });

  it('closes a stream at its lifetime cap with an error event', async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAM_SECONDS', '2');
    const reader = open('?n=10').body!.getReader();
    const text = readAll(reader);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await text).toBe(
      'data: Message 0\n\ndata: Message 1\n\nevent: error\ndata: This stream reached its time limit (2 s) and was closed.\n\n',
    );
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends every open stream with a final comment on shutdown, and refuses new ones', async () => {
    const readers = ['p', 'q', 'r'].map((client) => open('?n=5', client).body!.getReader());
    const texts = readers.map(readAll);
    await vi.advanceTimersByTimeAsync(10);
    expect(shutdownStreams()).toBe(3);
    for (const text of texts) expect(await text).toBe('data: Message 0\n\n: server shutting down\n\n');
    const refused = open('', 's');
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: 'The server is shutting down; try again in a moment.' });
    expect(await activeStreams()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports health: status, active streams, uptime and version', async () => {
    const response = open('', 'h');
    const body = (await health().json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: 'ok',
      activeStreams: 1,
      uptimeSeconds: expect.any(Number),
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    await response.body!.cancel();
  });

  it('returns to 0 active streams and no timers after 1000 streams aborted at random points', { timeout: 60_000 }, async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '0');
    const plan = fc.sample(
      fc.record({
        abortAtMs: fc.integer({ min: 0, max: 3000 }),
        how: fc.constantFrom('signal', 'cancel'),
        mode: fc.constantFrom('', '&mode=step', '&mode=step&ids=1', '&ids=1&buffer=3&retry=100'),
        delay: fc.integer({ min: 200, max: 1500 }),
      }),
      { numRuns: 1000, seed: 20261123 },
    );
    const streams = plan.map((entry) => {
      const disconnect = new AbortController();
      // WARNING: keep each Request alive, as the server does while it serves it: undici links a
      // Request's signal to the one it was given only weakly, so a collected Request stops
      // hearing the abort (the stream's cancel() would still end it in a real server).
      const request = new Request(`http://test/api/stream?n=1000&delay=${entry.delay}${entry.mode}`, {
        headers: { 'x-stepstream-client': 'load' },
        signal: disconnect.signal,
      });
      const reader = GET(request).body!.getReader();
      const done = readAll(reader).catch(() => '');
      return { ...entry, request, disconnect, reader, done, aborted: false };
    });
    expect(await activeStreams()).toBe(plan.length);
    for (let elapsed = 0; elapsed <= 3000; elapsed += 100) {
      for (const stream of streams) {
        if (stream.aborted || stream.abortAtMs > elapsed) continue;
        stream.aborted = true;
        if (stream.how === 'signal') stream.disconnect.abort();
        else await stream.reader.cancel();
      }
      await vi.advanceTimersByTimeAsync(100);
    }
    await Promise.all(streams.map((stream) => stream.done));
    // A step-mode stream with ids is held for a rejoin after its connection goes, then let go.
    expect(await activeStreams()).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(STEP_REJOIN_WINDOW_MS);
    expect(await activeStreams()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
