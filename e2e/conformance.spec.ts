import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import {
  CONFORMANCE_VECTORS,
  encodeIntendedEvents,
  rawBytes,
  type ConformanceEvent,
  type ConformanceVector,
} from '../lib/sse/conformance-vectors.fixture';
import { SSE_HEADERS } from '../lib/sse/headers';

/**
 * The WPT `eventsource/format-*` vectors (lib/sse/conformance-vectors.fixture.ts) against Chromium's own
 * `EventSource`: both the WPT bytes and our encoder's output for the intended events must dispatch
 * exactly the intended events.
 *
 * The vectors are served by a `node:http` server this spec starts on a free loopback port, not by a
 * Next route, so nothing of this exists in a production build. The page is that server's `/`, so every
 * EventSource is same-origin. (Playwright still starts the app as its webServer; this spec ignores it.)
 *
 *   GET /            a blank page
 *   GET /raw/<i>     vector i's bytes, with WPT's Content-Type, paused at `deliverAt` offsets
 *   GET /encoded/<i> encodeIntendedEvents(vector i), with the app's SSE_HEADERS
 *
 * Each response is complete and then ends (`Connection: close`); the browser reports the end as an
 * `error` event and would reconnect, so the page closes the EventSource on the first `error`.
 */

/** How long the server pauses at each `deliverAt` offset, so Chromium reads the pieces separately. */
const PIECE_PAUSE_MS = 40;

let server: http.Server;
let origin = '';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sendRaw(vector: ConformanceVector, response: http.ServerResponse): Promise<void> {
  const bytes = rawBytes(vector);
  response.writeHead(200, {
    'Content-Type': vector.contentType ?? 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'close',
  });
  let start = 0;
  for (const offset of vector.deliverAt ?? []) {
    response.write(bytes.subarray(start, offset));
    start = offset;
    await sleep(PIECE_PAUSE_MS);
  }
  response.end(bytes.subarray(start));
}

function sendEncoded(vector: ConformanceVector, response: http.ServerResponse): void {
  const body = Buffer.from(encodeIntendedEvents(vector.events, vector.retry), 'utf8');
  response.writeHead(200, { ...SSE_HEADERS, 'Content-Length': body.length, Connection: 'close' });
  response.end(body);
}

test.beforeAll(async () => {
  server = http.createServer((request, response) => {
    const match = /^\/(raw|encoded)\/(\d+)$/.exec(request.url ?? '');
    const vector = match ? CONFORMANCE_VECTORS[Number(match[2])] : undefined;
    if (request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><meta charset="utf-8"><title>EventSource conformance</title>');
    } else if (match && vector) {
      if (match[1] === 'raw') void sendRaw(vector, response);
      else sendEncoded(vector, response);
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

/**
 * Opens an EventSource on `path` in the page and returns every event it dispatched of the given types,
 * in order, once the first `error` (the response ending) has closed it.
 */
async function collectEvents(page: Page, path: string, types: readonly string[]): Promise<ConformanceEvent[]> {
  return page.evaluate(
    ({ path, types }) =>
      new Promise<ConformanceEvent[]>((resolve, reject) => {
        const source = new EventSource(path);
        const events: ConformanceEvent[] = [];
        const record = (event: Event) => {
          const { type, data, lastEventId } = event as MessageEvent<string>;
          events.push({ type, data, lastEventId });
        };
        for (const type of types) source.addEventListener(type, record);
        const timer = setTimeout(() => {
          source.close();
          reject(new Error(`no error event from ${path} within 10 s; got ${JSON.stringify(events)}`));
        }, 10_000);
        source.addEventListener('error', () => {
          clearTimeout(timer);
          source.close();
          resolve(events);
        });
      }),
    { path, types },
  );
}

/**
 * Where Chromium is known to part from the spec and WPT, by vector name: only that vector's raw-bytes
 * assertion is moved into a test of its own marked `test.fail()`, so its encoded assertion still counts.
 */
const CHROMIUM_DEVIATIONS: Record<string, string> = {
  // Spec §9.2.6: "Event streams are always decoded as UTF-8"; WPT format-utf-8 (fixed by wpt PR #276)
  // expects "ok…" and no error. Chromium instead fails the connection before any event, logging
  // `EventSource's response has a charset ("windows-1252") that is not UTF-8. Aborting the connection.`
  // (seen with Chromium 156), so it dispatches nothing. Our own responses always say charset=utf-8.
  'format-utf-8': 'Chromium aborts a response whose charset is not UTF-8',
};

/** `message` plus every custom type the vector dispatches: EventSource has no catch-all listener. */
const listenedTypes = (vector: ConformanceVector) => [...new Set(['message', ...vector.events.map((event) => event.type)])];

test.describe('event-stream conformance in Chromium', () => {
  test('lists deviations only for vectors that exist', () => {
    const names = new Set(CONFORMANCE_VECTORS.map((vector) => vector.name));
    expect(Object.keys(CHROMIUM_DEVIATIONS).filter((name) => !names.has(name))).toEqual([]);
  });

  for (const [index, vector] of CONFORMANCE_VECTORS.entries()) {
    const deviation = CHROMIUM_DEVIATIONS[vector.name];

    test(`${vector.name}: ${vector.summary}`, async ({ page }) => {
      await page.goto(`${origin}/`);
      const types = listenedTypes(vector);
      if (deviation === undefined) {
        const fromRaw = await collectEvents(page, `/raw/${index}`, types);
        // Soft, so a failure reports both layers.
        expect.soft(fromRaw, 'events for the WPT bytes').toEqual(vector.events);
      }
      const fromEncoded = await collectEvents(page, `/encoded/${index}`, types);
      expect.soft(fromEncoded, 'events for our encoder’s output').toEqual(vector.events);
      // `vector.retry` is not checked here: a page cannot read an EventSource's reconnection time (WPT
      // times two `open` events instead, which would add seconds per vector). The unit tests check it.
    });

    if (deviation !== undefined) {
      test(`${vector.name}: ${vector.summary}, from the WPT bytes (known Chromium deviation: ${deviation})`, async ({ page }) => {
        // Expected to fail until Chromium follows the spec; when it passes, remove the deviation entry.
        test.fail();
        await page.goto(`${origin}/`);
        expect(await collectEvents(page, `/raw/${index}`, listenedTypes(vector)), 'events for the WPT bytes').toEqual(vector.events);
      });
    }
  }
});
