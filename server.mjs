// Stepstream's production server: Next.js behind a plain node:http server, for three things
// `next start` cannot do:
//  1. the client's real address for the per-client stream cap (Next keeps whatever
//     X-Forwarded-For a client sends),
//  2. a graceful SIGTERM: stop accepting, send every open stream a final comment, close, exit < 5 s,
//  3. GET /api/stream without Next's per-request pipeline: the same `openStream` as the route
//     handler, written straight to the Node response (lib/stream/serve-on-node.ts, handed over by
//     instrumentation.ts), at a third of the CPU and a fifth of the memory per stream.
// Usage: `npm start` (PORT, default 3000; HOST, default 0.0.0.0). Build first: `npm run build`.
import { createServer } from 'node:http';
import next from 'next';

const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const host = process.env.HOST ?? '0.0.0.0';
/** How many proxies in front are trusted to append to X-Forwarded-For (0: trust none). */
const trustedProxies = /^\d+$/.test(process.env.STEPSTREAM_TRUST_PROXY ?? '') ? Number(process.env.STEPSTREAM_TRUST_PROXY) : 0;
const SHUTDOWN_DEADLINE_MS = 4500;

/**
 * The address the per-client cap counts. Without trusted proxies, the socket's; with N of them,
 * the address the outermost trusted proxy saw: the N-th X-Forwarded-For entry from the right.
 */
function clientAddress(request) {
  const socketAddress = request.socket.remoteAddress ?? 'unknown';
  if (trustedProxies === 0) return socketAddress;
  const hops = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops.at(-trustedProxies) ?? socketAddress;
}

const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Set by instrumentation.ts when Next prepares. `STEPSTREAM_STREAM_VIA_NEXT=1` leaves GET /api/stream
 * to the route handler instead (`npm run bench` measures both).
 */
const directStream = process.env.STEPSTREAM_STREAM_VIA_NEXT === '1' ? undefined : globalThis[Symbol.for('stepstream.serve-stream')];

/** The direct GET /api/stream, guarded as Next guards a route: a bug answers 500, never a crash. */
function serveStreamDirectly(request, response) {
  try {
    directStream.serveStreamOnNode(request, response, clientAddress(request));
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
  if (directStream?.isStreamRequest(request)) return serveStreamDirectly(request, response);
  // Overwrites whatever the client sent under this name: only this server says who the client is.
  request.headers['x-stepstream-client'] = clientAddress(request);
  handle(request, response);
});
server.listen(port, host, () => {
  console.log(`Stepstream ready on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
  console.log(directStream ? 'GET /api/stream: served directly (node:http)' : 'GET /api/stream: served by the Next.js route handler');
});

let shuttingDown = false;
function shutDown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: closing open streams and shutting down`);
  server.close(); // no new connections
  server.closeIdleConnections();
  const ended = globalThis[Symbol.for('stepstream.shutdown')]?.() ?? 0;
  console.log(`sent the shutdown comment to ${ended} open stream(s)`);
  const activeStreams = () => globalThis[Symbol.for('stepstream.active-streams')]?.() ?? 0;
  const started = Date.now();
  const timer = setInterval(() => {
    if (activeStreams() === 0 || Date.now() - started > SHUTDOWN_DEADLINE_MS) {
      clearInterval(timer);
      server.closeAllConnections();
      process.exit(0);
    }
  }, 25);
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
