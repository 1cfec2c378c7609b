import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLaneQuery } from '@/lib/compare/query';
import { activeStreams, resumeAdmissions, shutdownStreams } from '@/lib/server/registry';
import { GET as longPoll } from './long-poll/route';
import { GET as poll } from './poll/route';
import { GET as sse } from './sse/route';
import { GET as time } from './time/route';

const NOW = 1_800_000_000_000;
const decoder = new TextDecoder();
const request = (path: string, signal?: AbortSignal) =>
  new Request(`http://test${path}`, { headers: { Host: 'test', Accept: '*/*', 'x-stepstream-client': 'client-a' }, signal });
const schedule = (start = NOW + 625) => `start=${start}&n=3&delay=1000`;

/** Resolves whether `promise` settled without moving the clock. */
async function isSettled(promise: Promise<unknown>) {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(0);
  return settled;
}

const indexes = async (response: Response) => ((await response.json()) as { messages: { i: number }[] }).messages.map((m) => m.i);

describe('the /compare lanes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    resumeAdmissions();
  });

  it('refuses a bad query with 400 {error, field} on every lane, before anything waits', async () => {
    for (const lane of [poll, longPoll, sse]) {
      const response = await lane(request(`/api/compare/x?start=${NOW}&n=101`));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'n must be between 1 and 100', field: 'n' });
    }
    const noStart = await poll(request('/api/compare/poll?n=3'));
    expect(await noStart.json()).toEqual({ error: 'start is required', field: 'start' });
    expect(activeStreams()).toBe(0);
  });

  it('answers a short poll at once with what is ready, and says how large the request was', async () => {
    const early = poll(request(`/api/compare/poll?${schedule()}&after=-1&every=1000`));
    expect(early.status).toBe(200);
    expect(early.headers.get('cache-control')).toBe('no-store');
    const target = `/api/compare/poll?${schedule()}&after=-1&every=1000`;
    const head = `GET ${target} HTTP/1.1\r\nhost: test\r\naccept: */*\r\n\r\n`;
    expect(Number(early.headers.get('request-bytes'))).toBe(head.length);
    expect(await indexes(early)).toEqual([]);

    vi.setSystemTime(NOW + 1625);
    const later = poll(request(`/api/compare/poll?${schedule()}&after=-1`));
    expect(await later.json()).toEqual({
      messages: [
        { i: 0, data: 'Message 0', readyAt: NOW + 625 },
        { i: 1, data: 'Message 1', readyAt: NOW + 1625 },
      ],
    });
  });

  it('holds a long poll until the next message is ready, then frees its place', async () => {
    const first = longPoll(request(`/api/compare/long-poll?${schedule()}&after=-1`));
    expect(activeStreams()).toBe(1);
    await vi.advanceTimersByTimeAsync(624);
    expect(await isSettled(first)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await indexes(await first)).toEqual([0]);
    expect(activeStreams()).toBe(0);

    const second = longPoll(request(`/api/compare/long-poll?${schedule()}&after=0`));
    await vi.advanceTimersByTimeAsync(999);
    expect(await isSettled(second)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await indexes(await second)).toEqual([1]);
  });

  it('answers a long poll empty after 25 s, at once when the client has everything, and at shutdown', async () => {
    const far = longPoll(request(`/api/compare/long-poll?start=${NOW + 60_000}&n=1&delay=0`));
    await vi.advanceTimersByTimeAsync(24_999);
    expect(await isSettled(far)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await indexes(await far)).toEqual([]);

    const done = longPoll(request(`/api/compare/long-poll?${schedule()}&after=2`));
    expect(await isSettled(done)).toBe(true);

    const held = longPoll(request(`/api/compare/long-poll?${schedule(Date.now() + 625)}&after=-1`));
    await vi.advanceTimersByTimeAsync(10);
    expect(shutdownStreams()).toBe(1);
    expect(await indexes(await held)).toEqual([]);
    expect(activeStreams()).toBe(0);
  });

  it('streams each message at its ready time with the ready time in its data, then ends', async () => {
    const response = await sse(request(`/api/compare/sse?${schedule()}`));
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(Number(response.headers.get('request-bytes'))).toBeGreaterThan(0);
    const reader = response.body!.getReader();
    for (const i of [0, 1, 2]) {
      const next = reader.read();
      await vi.advanceTimersByTimeAsync(i === 0 ? 624 : 999);
      expect(await isSettled(next)).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(decoder.decode((await next).value)).toBe(`data: {"i":${i},"data":"Message ${i}","readyAt":${NOW + 625 + i * 1000}}\n\n`);
    }
    expect((await reader.read()).done).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(activeStreams()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('frees an SSE lane and its timers when the client goes away', async () => {
    const client = new AbortController();
    const response = await sse(request(`/api/compare/sse?${schedule()}`, client.signal));
    const reader = response.body!.getReader();
    await vi.advanceTimersByTimeAsync(625);
    await reader.read();
    expect(activeStreams()).toBe(1);
    client.abort();
    await reader.cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(activeStreams()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers any query with 200 when it is valid and 4xx JSON otherwise, never 5xx or a throw', async () => {
    const value = fc.oneof(
      fc.constantFrom(String(NOW), String(NOW + 625), '-1', '0', '2', '3', '100', '1000', '250', '', ' 1', '1e3', '%', '\0', '😀'),
      fc.string({ maxLength: 12 }),
    );
    const name = fc.constantFrom('start', 'n', 'delay', 'after', 'every', 'x');
    let validQueries = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.tuple(name, value), { maxLength: 4 }), async (withStart, pairs) => {
        const query = new URLSearchParams(withStart ? [['start', String(NOW)], ...pairs] : pairs);
        const valid = parseLaneQuery(query, NOW).ok;
        if (valid) validQueries++;
        for (const lane of [poll, longPoll, sse]) {
          const pending = Promise.resolve(lane(request(`/api/compare/lane?${query}`)));
          await vi.advanceTimersByTimeAsync(25_000);
          const response = await pending;
          vi.setSystemTime(NOW);
          if (valid) {
            expect(response.status).toBe(200);
            await response.body?.cancel();
          } else {
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
            expect(typeof ((await response.json()) as { error: unknown }).error).toBe('string');
          }
        }
      }),
      { numRuns: 150 },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(activeStreams()).toBe(0);
    expect(validQueries).toBeGreaterThan(0);
  });

  it("tells the server's time", async () => {
    expect(await time().json()).toEqual({ now: NOW });
  });
});
