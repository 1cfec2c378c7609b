import { describe, expect, it } from 'vitest';
import { presenterCookieName } from '@/lib/room/protocol';
import { roomHub } from '@/lib/server/room/rooms';
import { openRoom } from '@/lib/server/room/service';
import { POST as postAnswer } from './answers/route';
import { POST as postCommand } from './commands/route';
import { GET as getResults } from './results/route';

/** A request to `/api/rooms/{code}/…` as the page sends it, with the route's params. */
function call<R>(route: (request: Request, context: { params: Promise<{ code: string }> }) => R, code: string, init: RequestInit = {}) {
  return route(new Request(`http://test/api/rooms/${code}/x`, init), { params: Promise.resolve({ code }) });
}

const json = (body: unknown, cookie?: string): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
});

describe('the room routes (commands, answers, results)', () => {
  it('name the room they cannot find: 400 for a malformed code, 404 for an unknown one', async () => {
    for (const route of [postCommand, postAnswer, getResults]) {
      const malformed = await call(route, 'not-a-code', json({ type: 'step' }));
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).field).toBe('code');
      const unknown = await call(route, 'YYYYYY', json({ type: 'step' })); // well formed (Y is in the alphabet), never opened
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error: expect.stringContaining('There is no room YYYYYY'), field: 'code' });
    }
  });

  it('let only the presenter command the room and download its results', async () => {
    const { code, secret } = await openRoom(await roomHub());
    const presenter = `${presenterCookieName(code)}=${secret}`;
    expect((await call(postCommand, code, json({ type: 'stop' }))).status).toBe(403);
    expect((await call(getResults, code)).status).toBe(403);
    const commanded = await call(postCommand, code, json({ type: 'run', params: {} }, presenter));
    expect(commanded.status).toBe(200);
    expect(await commanded.json()).toEqual({ seq: expect.any(Number) });
    const results = await call(getResults, code, { headers: { cookie: presenter } });
    expect(results.status).toBe(200);
    expect(results.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('refuse a body they cannot read with 400 {error, field}', async () => {
    const { code, secret } = await openRoom(await roomHub());
    const presenter = `${presenterCookieName(code)}=${secret}`;
    const command = await call(postCommand, code, json({ type: 'jump' }, presenter));
    expect(command.status).toBe(400);
    expect(await command.json()).toEqual({ error: expect.any(String), field: expect.any(String) });
    const answer = await call(postAnswer, code, json({ pollId: 7 }));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: expect.any(String), field: expect.any(String) });
  });
});
