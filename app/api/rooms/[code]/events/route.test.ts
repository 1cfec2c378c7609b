import { afterEach, describe, expect, it } from 'vitest';
import { presenterCookieName } from '@/lib/room/protocol';
import { processState } from '@/lib/server/process-state';
import { roomHub } from '@/lib/server/room/rooms';
import { openRoom } from '@/lib/server/room/service';
import { JOIN_MISSES_ALLOWED } from '@/lib/server/room/join-limit';
import { GET } from './route';

const open: AbortController[] = [];
afterEach(() => {
  for (const controller of open.splice(0)) controller.abort();
  delete process.env.STEPSTREAM_ROOM_CAPACITY;
  processState().joinAttempts.clear();
});

/** A GET of the room's events as a browser sends it (the client's address as server.mjs puts it). */
function follow(code: string, { cookie, client = '10.0.0.1' }: { cookie?: string; client?: string } = {}) {
  const controller = new AbortController();
  open.push(controller);
  const headers: Record<string, string> = { 'x-stepstream-client': client };
  if (cookie) headers.cookie = cookie;
  return GET(new Request(`http://test/api/rooms/${code}/events`, { headers, signal: controller.signal }), {
    params: Promise.resolve({ code }),
  });
}

describe('GET /api/rooms/{code}/events', () => {
  it('lets students in up to the room’s capacity, then answers 429; the presenter always gets in', async () => {
    process.env.STEPSTREAM_ROOM_CAPACITY = '2';
    const { code, secret } = await openRoom(await roomHub());
    expect((await follow(code)).status).toBe(200);
    expect((await follow(code)).status).toBe(200);
    const full = await follow(code);
    expect(full.status).toBe(429);
    expect(await full.json()).toEqual({ error: `Room ${code} is full (2 students).`, field: null });
    expect(full.headers.get('retry-after')).toBe('30');
    expect((await follow(code, { cookie: `${presenterCookieName(code)}=${secret}` })).status).toBe(200);
    open[0]!.abort(); // a student leaves: a place is free again
    expect((await follow(code)).status).toBe(200);
  });

  it('refuses a malformed code (400) and an unknown one (404), and slows down a client that keeps missing', async () => {
    expect((await follow('nope')).status).toBe(400);
    const unknown = await follow('ACDEFG', { client: '10.0.0.9' });
    expect(unknown.status).toBe(404);
    for (let k = 1; k < JOIN_MISSES_ALLOWED; k++) await follow('ACDEFG', { client: '10.0.0.9' });
    const slowed = await follow('ACDEFG', { client: '10.0.0.9' });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await follow('ACDEFG', { client: '10.0.0.10' })).status).toBe(404); // another client is not held up
  });
});
