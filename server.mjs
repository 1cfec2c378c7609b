// @ts-check
// Stepstream's production server: Next.js behind a plain node:http server, for three things
// `next start` cannot do:
//  1. the client's real address for the per-client stream cap (Next keeps whatever
//     X-Forwarded-For a client sends),
//  2. a graceful SIGTERM: stop accepting, send every open stream a final comment, close, exit < 5 s,
//  3. GET /api/stream without Next's per-request pipeline: the same `openStream` as the route
//     handler, written straight to the Node response, at a third of the CPU and a fifth of the
//     memory per stream.
// All three come from the app Next compiles, through one typed hand-over that instrumentation.ts
// installs (lib/server/hand-over.ts): this file holds no rule of its own.
// Usage: `npm start` (PORT, default 3000; HOST, default 0.0.0.0). Build first: `npm run build`.
import { createServer } from 'node:http';
import next from 'next';
import { HAND_OVER_KEY } from './lib/server/hand-over-key.mjs';

/** @typedef {import('./lib/server/hand-over').ProductionHandOver} ProductionHandOver */

const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const host = process.env.HOST ?? '0.0.0.0';
/** `STEPSTREAM_STREAM_VIA_NEXT=1` leaves GET /api/stream to the route handler (`npm run bench` measures both). */
const streamViaNext = process.env.STEPSTREAM_STREAM_VIA_NEXT === '1';
const SHUTDOWN_DEADLINE_MS = 4500;

const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

/** @type {ProductionHandOver | undefined} */
const handOver = /** @type {Record<symbol, ProductionHandOver | undefined>} */ (globalThis)[Symbol.for(HAND_OVER_KEY)];
if (!handOver) {
  // WARNING: without the hand-over this server would count every client as one, could not close
  // streams on SIGTERM, and would quietly fall back to the slower route. Say so, and stop.
  console.error(
    'Stepstream: the production hand-over is missing (instrumentation.ts did not install lib/server/hand-over.ts). ' +
      'Rebuild with `npm run build`; to serve the stream through the Next.js route anyway, set STEPSTREAM_STREAM_VIA_NEXT=1.',
  );
  if (!streamViaNext) process.exit(1);
}
const directStream = streamViaNext ? undefined : handOver;

/**
 * The direct GET /api/stream, guarded as Next guards a route: a bug answers 500, never a crash.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {ProductionHandOver} direct
 */
function serveStreamDirectly(request, response, direct) {
  try {
    direct.serveStreamOnNode(request, response, direct.clientOf(request));
  } catch (error) {
    console.error('GET /api/stream failed:', error);
    if (response.headersSent) return void response.destroy();
    response.writeHead(500, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ error: 'The server failed to start this stream.', field: null }));
  }
}

/**
 * Slow headers (slowloris): a client gets 10 s to send its whole request, headers included, or Node
 * answers 408 and closes the socket. Both limits stop counting once the request has arrived, so a
 * response (an event stream lasting minutes) is never cut. Node looks for late requests only every
 * `connectionsCheckingInterval` (30 s by default: a cut anywhere from 10 to 40 s), hence 1 s; it
 * checks only requests still arriving. The keep-alive timeout stays Node's (5 s).
 */
const REQUEST_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 10_000, connectionsCheckingInterval: 1_000 };

const server = createServer(REQUEST_TIMEOUTS, (request, response) => {
  if (directStream?.isStreamRequest(request)) return serveStreamDirectly(request, response, directStream);
  // Overwrites whatever the client sent under this name: only this server says who the client is.
  request.headers['x-stepstream-client'] = handOver?.clientOf(request) ?? request.socket.remoteAddress ?? 'unknown';
  handle(request, response);
});
server.listen(port, host, () => {
  console.log(`Stepstream ready on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
  console.log(directStream ? 'GET /api/stream: served directly (node:http)' : 'GET /api/stream: served by the Next.js route handler');
});

let shuttingDown = false;
/** @param {string} signal */
function shutDown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: closing open streams and shutting down`);
  server.close(); // no new connections
  server.closeIdleConnections();
  const ended = handOver?.shutdownStreams() ?? 0;
  console.log(`sent the shutdown comment to ${ended} open stream(s)`);
  const started = Date.now();
  const timer = setInterval(() => {
    if ((handOver?.activeStreams() ?? 0) === 0 || Date.now() - started > SHUTDOWN_DEADLINE_MS) {
      clearInterval(timer);
      server.closeAllConnections();
      process.exit(0);
    }
  }, 25);
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
