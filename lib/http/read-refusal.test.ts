import { describe, expect, it } from 'vitest';
import { readRefusal } from './read-refusal';
import { jsonError } from './responses';

describe('readRefusal', () => {
  it('reads back what jsonError wrote', async () => {
    expect(await readRefusal(jsonError(400, 'n must be between 1 and 10000.', 'n'))).toEqual({
      error: 'n must be between 1 and 10000.',
      field: 'n',
    });
    expect(await readRefusal(jsonError(429, 'Too many streams.', null))).toEqual({ error: 'Too many streams.', field: null });
  });

  it('says what the status was when the body is not JSON', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    expect(await readRefusal(response)).toEqual({ error: 'the server answered 502 Bad Gateway', field: null });
  });

  it('says what the status was when the body is empty, with no status text to add', async () => {
    expect(await readRefusal(new Response(null, { status: 503 }))).toEqual({ error: 'the server answered 503', field: null });
  });

  it('falls back when the JSON holds no string error, and ignores a field that is not a string', async () => {
    expect(await readRefusal(Response.json({ error: 42, field: 7 }, { status: 400 }))).toEqual({
      error: 'the server answered 400',
      field: null,
    });
    expect(await readRefusal(Response.json(['error'], { status: 400 }))).toEqual({ error: 'the server answered 400', field: null });
  });

  it('uses the caller’s fallback sentence when it gives one', async () => {
    const fallback = (response: Response) => `The room answered ${response.status}.`;
    expect(await readRefusal(new Response('oops', { status: 500 }), fallback)).toEqual({ error: 'The room answered 500.', field: null });
  });
});
