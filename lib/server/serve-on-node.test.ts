import { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET, HEAD } from '@/app/api/stream/route';
import { registryHealth } from './registry';
import { isStreamRequest, serveStreamOnNode } from './serve-on-node';
import { advanceStepStream } from './step-mode';

/** A real loopback server running the direct route, as `server.mjs` does. */
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((request, response) =>
    serveStreamOnNode(request, response, request.headers['x-test-client']?.toString() ?? 'node-test'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.unstubAllEnvs());

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: string;
  /** How the body stopped: a clean end, or an error (the server cut the connection). */
  ending: 'end' | 'error';
}

const COMPARED_HEADERS = ['content-type', 'cache-control', 'retry-after', 'x-accel-buffering'];

/** A response's answer, its body read to its end or to the error that cut it. */
async function answerOf(response: Response): Promise<Answer> {
  const decoder = new TextDecoder();
  let body = '';
  let ending: Answer['ending'] = 'end';
  try {
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) body += decoder.decode(chunk.value);
  } catch {
    ending = 'error';
  }
  return { status: response.status, headers: pick(response.headers), body, ending };
}

/** The direct route's answer, read to its end. */
async function direct(query: string, client = 'node-test', headers: Record<string, string> = {}): Promise<Answer> {
  return answerOf(await fetch(`${base}/api/stream${query}`, { headers: { 'x-test-client': client, ...headers } }));
}

/** The Next.js route handler's answer to the same query, read to its end. */
async function viaRoute(query: string, client = 'node-test', headers: Record<string, string> = {}): Promise<Answer> {
  return answerOf(GET(new Request(`http://test/api/stream${query}`, { headers: { 'x-stepstream-client': client, ...headers } })));
}

const pick = (headers: Headers) => Object.fromEntries(COMPARED_HEADERS.map((name) => [name, headers.get(name)]));

/** Waits until `check` holds, polling the event loop (real sockets, real timers). */
async function until(check: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('GET /api/stream written straight to a Node response', () => {
  const queries = [
    '?n=3&delay=5',
    '?n=2&delay=0&template=%7Bi%7D%20of%20%7Bi%7D',
    `?n=1&delay=0&template=${encodeURIComponent('a\r\nevent: hijack\n\ndata: {i}\rid: 1')}`,
    `?n=1&delay=0&template=${encodeURIComponent('😀'.repeat(200))}`,
    '?n=0',
    '?n=abc',
    '?n=1&n=2',
    '?delay=-1',
    `?template=${encodeURIComponent('😀'.repeat(201))}`,
    '?mode=fast',
    `?template=${'x'.repeat(5000)}`,
  ];
  for (const query of queries) {
    it(`answers ${query.slice(0, 60)} exactly as the route handler does: status, headers, bytes`, async () => {
      const [fromNode, fromRoute] = [await direct(query), await viaRoute(query)];
      expect(fromNode).toEqual(fromRoute);
      expect(fromNode.status === 200 || fromNode.body.startsWith('{"error":')).toBe(true);
    });
  }

  const UNKNOWN_STREAM = '0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b';
  const wireCases: Array<[query: string, lastEventId: string | null, status: number, ending: Answer['ending']]> = [
    ['?n=3&delay=5&ids=1', null, 200, 'end'],
    ['?n=2&delay=0&retry=1500&end=event', null, 200, 'end'],
    ['?n=5&delay=0&buffer=2&end=event', null, 200, 'end'],
    ['?n=3&delay=0&ids=1', '0', 200, 'end'],
    ['?n=3&delay=0&lastEventId=1&end=event', null, 200, 'end'],
    ['?n=3&delay=0&ids=1', '2', 200, 'end'],
    ['?n=3&delay=0&end=204', '1', 200, 'end'],
    ['?n=3&delay=0&end=204', '2', 204, 'end'],
    ['?n=3&delay=0&end=204&lastEventId=2', null, 204, 'end'],
    ['?n=4&delay=5&ids=1&dropAfter=1', null, 200, 'error'],
    ['?n=4&delay=0&buffer=3&dropAfter=1', null, 200, 'error'],
    ['?n=4&delay=5&ids=1&dropAfter=1', '0', 200, 'end'],
    ['?ids=2', null, 400, 'end'],
    ['?retry=60001', null, 400, 'end'],
    ['?end=never', null, 400, 'end'],
    ['?dropAfter=3', null, 400, 'end'],
    ['?buffer=0', null, 400, 'end'],
    ['', '3', 400, 'end'],
    ['?lastEventId=1', '0', 400, 'end'],
    ['?mode=step&ids=1', `${UNKNOWN_STREAM}/0`, 400, 'end'],
  ];
  for (const [query, lastEventId, status, ending] of wireCases) {
    const headers: Record<string, string> = lastEventId === null ? {} : { 'Last-Event-ID': lastEventId };
    it(`answers ${query || '(no query)'}${lastEventId === null ? '' : ` with Last-Event-ID ${lastEventId}`} as the route handler does: ${status}, ${ending}`, async () => {
      const [fromNode, fromRoute] = [await direct(query, 'node-test', headers), await viaRoute(query, 'node-test', headers)];
      expect(fromNode).toEqual(fromRoute);
      expect([fromNode.status, fromNode.ending]).toEqual([status, ending]);
      if (status === 204) expect(fromNode.body).toBe('');
      await until(() => registryHealth().activeStreams === 0);
    });
  }

  it('answers HEAD as the GET would, status and headers, without starting a stream or taking a place', async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '1');
    for (const [query, lastEventId] of [
      ['', null],
      ['?n=5&delay=10000', null],
      ['?n=abc', null],
      [`?template=${'x'.repeat(5000)}`, null],
      ['?end=204', '2'],
      ['?end=204', '1'],
      ['?buffer=0', null],
      ['', '3'],
      ['?mode=step&ids=1', '0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b/0'],
    ] as const) {
      const resume: Record<string, string> = lastEventId === null ? {} : { 'Last-Event-ID': lastEventId };
      const fromNode = await fetch(`${base}/api/stream${query}`, { method: 'HEAD', headers: { 'x-test-client': 'head', ...resume } });
      const fromRoute = HEAD(new Request(`http://test/api/stream${query}`, { method: 'HEAD', headers: resume }));
      const get = GET(new Request(`http://test/api/stream${query}`, { headers: { 'x-stepstream-client': 'head-get', ...resume } }));
      const viaGet = { status: get.status, headers: pick(get.headers) };
      await get.body?.cancel();
      expect([fromNode.status, fromRoute.status]).toEqual([viaGet.status, viaGet.status]);
      expect(pick(fromNode.headers)).toEqual(viaGet.headers);
      expect(pick(fromRoute.headers)).toEqual(viaGet.headers);
      expect(await fromNode.text()).toBe('');
      expect(await fromRoute.text()).toBe('');
      expect(registryHealth().activeStreams).toBe(0);
    }
    // Still room under a cap of one: no HEAD took it.
    expect((await direct('?n=1&delay=0', 'head')).status).toBe(200);
  });

  it('sends the headers Next adds to every API response (next.config.js), on streams and on refusals', async () => {
    for (const query of ['?n=1&delay=0', '?n=abc']) {
      const response = await fetch(`${base}/api/stream${query}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      await response.body?.cancel();
    }
  });

  it('counts its streams under the same per-client cap as the route: 429 with Retry-After, through either path', async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '2');
    const held = new AbortController();
    const first = await fetch(`${base}/api/stream?n=5&delay=10000`, { headers: { 'x-test-client': 'capped' }, signal: held.signal });
    const second = GET(new Request('http://test/api/stream?n=5&delay=10000', { headers: { 'x-stepstream-client': 'capped' } }));
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await direct('?n=1&delay=0', 'capped');
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('1');
    expect(JSON.parse(third.body)).toEqual({
      error: 'Too many open streams from your address (the limit is 2); close one and try again.',
      field: null,
    });
    held.abort();
    await second.body!.cancel();
    await until(() => registryHealth().activeStreams === 0);
  });

  it('stops the generator and frees its place when the client hangs up mid-sleep', async () => {
    const hangUp = new AbortController();
    const response = await fetch(`${base}/api/stream?n=100&delay=10000`, { signal: hangUp.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: Message 0\n\n');
    expect(registryHealth().activeStreams).toBe(1);
    hangUp.abort();
    await until(() => registryHealth().activeStreams === 0);
  });

  it('holds a step-mode stream for the presenter: the id first, then one frame per advance', async () => {
    const response = await fetch(`${base}/api/stream?n=2&delay=1000&mode=step`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil(/^event: stepstream-id\ndata: ([0-9a-f-]{36})\n\n$/);
    const id = /data: (\S+)/.exec(text)![1]!;
    expect(advanceStepStream(id)).toBe(true);
    await readUntil(/data: Message 0\n\n$/);
    expect(advanceStepStream(id)).toBe(true);
    await readUntil(/data: Message 1\n\n$/);
    expect(advanceStepStream(id)).toBe(true);
    expect((await reader.read()).done).toBe(true);
    expect(advanceStepStream(id)).toBe(false);
  });
  it('holds a step-mode stream with ids when the socket closes, and a reconnect with Last-Event-ID rejoins it in the same place', async () => {
    vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '1');
    const hangUp = new AbortController();
    const first = await fetch(`${base}/api/stream?n=3&delay=1000&mode=step&ids=1`, {
      headers: { 'x-test-client': 'rejoin' },
      signal: hangUp.signal,
    });
    const reader = first.body!.getReader();
    const decoder = new TextDecoder();
    const id = /data: (\S+)/.exec(decoder.decode((await reader.read()).value))![1]!;
    advanceStepStream(id);
    expect(decoder.decode((await reader.read()).value)).toBe(`id: ${id}/0\ndata: Message 0\n\n`);
    hangUp.abort();
    // Let the server see the socket close (were it still to think it open, the rejoin would take over, to the same effect).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registryHealth().activeStreams).toBe(1);
    advanceStepStream(id); // a Step while nobody is connected: frame 1 is kept
    const again = await fetch(`${base}/api/stream?n=3&delay=1000&mode=step&ids=1`, {
      headers: { 'x-test-client': 'rejoin', 'Last-Event-ID': `${id}/0` },
    });
    expect(again.status).toBe(200);
    const rejoined = again.body!.getReader();
    let text = '';
    while (!text.endsWith('Message 1\n\n')) text += decoder.decode((await rejoined.read()).value);
    expect(text).toBe(`event: stepstream-id\ndata: ${id}\n\nid: ${id}/1\ndata: Message 1\n\n`);
    expect(registryHealth().activeStreams).toBe(1);
    advanceStepStream(id);
    advanceStepStream(id);
    while (!(await rejoined.read()).done);
    expect(registryHealth().activeStreams).toBe(0);
  });
});

/** Just enough of a `ServerResponse` to watch what is written and to fill its buffer at will. */
class FakeResponse extends EventEmitter {
  writes: string[] = [];
  ended = false;
  writableNeedDrain = false;
  writeHead() {
    return this;
  }
  write(frame: string) {
    this.writes.push(frame);
    return !this.writableNeedDrain;
  }
  end() {
    this.ended = true;
    this.emit('close');
  }
}

const flushEventLoop = async (turns = 20) => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('serveStreamOnNode and a slow reader', () => {
  it("waits for 'drain' while the socket's buffer is full, as a web stream waits for its reader", async () => {
    const response = new FakeResponse();
    const request = { url: '/api/stream?n=5&delay=0', method: 'GET', headers: {} } as IncomingMessage;
    response.writableNeedDrain = true; // full from the first frame on
    serveStreamOnNode(request, response as unknown as ServerResponse, 'drain-test');
    await flushEventLoop();
    expect(response.writes).toEqual(['data: Message 0\n\n']);
    expect(response.ended).toBe(false);
    response.writableNeedDrain = false;
    response.emit('drain');
    await until(() => response.ended);
    expect(response.writes).toHaveLength(5);
    expect(registryHealth().activeStreams).toBe(0);
  });
});

describe('isStreamRequest', () => {
  const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;
  it('takes GET and HEAD /api/stream with or without a query, and leaves everything else to Next', () => {
    expect(isStreamRequest(request('GET', '/api/stream'))).toBe(true);
    expect(isStreamRequest(request('GET', '/api/stream?n=3'))).toBe(true);
    expect(isStreamRequest(request('HEAD', '/api/stream?n=3'))).toBe(true);
    for (const [method, url] of [
      ['POST', '/api/stream'],
      ['GET', '/api/stream/'],
      ['GET', '/api/streams'],
      ['GET', '/api/stream/abc/advance'],
      ['GET', '/api/health'],
      ['GET', '/'],
    ] as const) {
      expect(isStreamRequest(request(method, url))).toBe(false);
    }
  });
});
