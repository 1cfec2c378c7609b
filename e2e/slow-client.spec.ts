import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';

/**
 * A client that sends its request a byte at a time ("slow headers", slowloris) against the
 * production server (`server.mjs`), over raw TCP: `node:http` would send a request whole.
 *
 * server.mjs gives a request 10 s to arrive (`headersTimeout`, `requestTimeout`); a response may
 * stream for as long as it likes. Bounds are generous: the cut must come no sooner than the
 * timeout (so it is the timeout) and well before Node's defaults would act (60 s).
 */

const DRIP_EVERY_MS = 100;
/** The request the slow client drips, then a header that never ends: it is never idle, never done. */
const DRIPPED = 'GET /api/stream HTTP/1.1\r\nHost: x\r\nX-Drip: ';
/** How long the slow client waits for the server to act before it gives up (and the test fails). */
const GIVE_UP_AFTER_MS = 25_000;

/** What one raw connection saw, on performance.now()'s clock. */
interface RawConnection {
  /** Everything the server sent, as text. */
  received: string;
  connectedAt: number;
  /** When the server closed the connection; null if the client gave up on it first. */
  closedByServerAt: number | null;
}

function portOf(baseURL: string | undefined): number {
  if (!baseURL) throw new Error('baseURL is not configured (playwright.config.ts `use.baseURL`)');
  return Number(new URL(baseURL).port);
}

/**
 * Connects and sends `DRIPPED` one byte every DRIP_EVERY_MS, then 'a's the same way, never the
 * blank line that ends the headers. Resolves when the server closes the connection (or resets
 * it), or after GIVE_UP_AFTER_MS with `closedByServerAt: null`.
 */
function dripHeaders(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const connection: RawConnection = { received: '', connectedAt: 0, closedByServerAt: null };
    let sent = 0;
    let drip: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      resolve(connection);
    };
    const giveUp = setTimeout(finish, GIVE_UP_AFTER_MS);
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connection.connectedAt = performance.now();
      drip = setInterval(() => socket.write(DRIPPED[sent++] ?? 'a'), DRIP_EVERY_MS);
    });
    socket.on('data', (text: string) => (connection.received += text));
    const closedByServer = () => {
      connection.closedByServerAt ??= performance.now();
      finish();
    };
    socket.on('end', closedByServer);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset (or a write after the server's FIN) is the server closing on us; anything else is not.
      if (connection.connectedAt > 0 && ['ECONNRESET', 'EPIPE'].includes(error.code ?? '')) closedByServer();
      else reject(error);
    });
  });
}

/**
 * Sends `GET pathAndQuery` whole (with `Connection: close`) and resolves with everything the server
 * sent once it closes the connection. `firstFrame` resolves when `data: ` first arrives, and fails
 * if the connection ends first (a 400, say), so a wrong query fails the test instead of hanging it.
 */
function getWhole(port: number, pathAndQuery: string) {
  let frameArrived: () => void = () => {};
  let endedFirst: (error: Error) => void = () => {};
  const firstFrame = new Promise<void>((resolve, reject) => {
    frameArrived = resolve;
    endedFirst = reject;
  });
  const done = new Promise<RawConnection>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const connection: RawConnection = { received: '', connectedAt: 0, closedByServerAt: null };
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connection.connectedAt = performance.now();
      socket.write(`GET ${pathAndQuery} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', (text: string) => {
      connection.received += text;
      if (connection.received.includes('data: ')) frameArrived();
    });
    socket.on('end', () => {
      endedFirst(new Error(`the connection ended before a frame: ${connection.received.split('\r\n')[0]}`));
      connection.closedByServerAt = performance.now();
      socket.destroy();
      resolve(connection);
    });
    socket.on('error', (error) => {
      endedFirst(error);
      reject(error);
    });
  });
  return { firstFrame, done };
}

/** The body of an HTTP/1.1 response sent with `Transfer-Encoding: chunked`; throws unless it ended with its last chunk. */
function dechunk(response: string): string {
  let rest = response.slice(response.indexOf('\r\n\r\n') + 4);
  let body = '';
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    if (lineEnd < 0) throw new Error(`the body stopped before its last chunk: ${JSON.stringify(rest)}`);
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (size === 0) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

test.describe('a client that sends its headers slowly', () => {
  test('is cut off about 10 s after it connects, while a stream opened before it runs to its end', async ({ baseURL }) => {
    const port = portOf(baseURL);
    // Three frames 8 s apart, then an 8 s sleep: about 24 s, longer than the 10 s a request gets
    // (a delay is at most 10 s, so the stream outlives the timeout by its number of frames).
    const stream = getWhole(port, '/api/stream?n=3&delay=8000');
    await stream.firstFrame;

    const slow = await dripHeaders(port);
    expect(slow.closedByServerAt, `the server closed the slow client within ${GIVE_UP_AFTER_MS / 1000} s`).not.toBeNull();
    const heldMs = slow.closedByServerAt! - slow.connectedAt;
    expect(heldMs, 'the slow client was held (ms): the 10 s timeout, not sooner').toBeGreaterThanOrEqual(9_000);
    expect(heldMs, 'the slow client was held (ms): well under the old 60 s').toBeLessThan(20_000);
    // Node's own answer to a request that ran out of time, before it closes the socket.
    expect(slow.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);

    const long = await stream.done;
    expect(long.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(dechunk(long.received)).toBe('data: Message 0\n\ndata: Message 1\n\ndata: Message 2\n\n');
    expect(long.closedByServerAt!, 'the stream ended after the slow client was cut').toBeGreaterThan(slow.closedByServerAt!);
    expect(long.closedByServerAt! - long.connectedAt, 'the stream lasted (ms)').toBeGreaterThanOrEqual(20_000);
  });
});
