// The floor: a bare node:http server emitting the same frames as GET /api/stream, at the same pace,
// with the same headers. No framework, no web streams, no async generator: a write and a setTimeout
// per frame. Whatever Stepstream costs above this is the cost of Next.js and our stream plumbing.
//
//   PORT=3601 HOST=127.0.0.1 node bench/lib/floor-server.mjs
//   GET /api/stream?n=3&delay=1000&template=Message%20{i}   GET /api/health
import { createServer } from 'node:http';

const port = Number.parseInt(process.env.PORT ?? '3601', 10);
const host = process.env.HOST ?? '127.0.0.1';
const startedAt = Date.now();

const HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

/** `data` split on CR, LF or CRLF into one `data: ` line each, then the blank line: as lib/sse/encode. */
const encodeData = (data) =>
  `${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;

/** The same ranges as the route; an absent parameter takes the seed's default. */
function readInt(query, name, fallback, min, max) {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return Number.NaN;
  const value = Number(raw);
  return value >= min && value <= max ? value : Number.NaN;
}

let activeStreams = 0;

function json(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  if (url.pathname === '/api/health') {
    return json(response, 200, {
      status: 'ok',
      activeStreams,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      version: 'floor',
    });
  }
  if (url.pathname !== '/api/stream' || request.method !== 'GET') return json(response, 404, { error: 'not found' });

  const n = readInt(url.searchParams, 'n', 3, 1, 10_000);
  const delay = readInt(url.searchParams, 'delay', 1000, 0, 10_000);
  const template = url.searchParams.get('template') ?? 'Message {i}';
  if (Number.isNaN(n) || Number.isNaN(delay) || template.length < 1 || template.length > 200) {
    return json(response, 400, { error: 'invalid query' });
  }

  activeStreams += 1;
  let i = 0;
  let timer;
  let finished = false;
  const cleanup = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    activeStreams -= 1;
  };
  response.on('close', cleanup);
  response.writeHead(200, HEADERS);

  // for i in range(n): yield frame; sleep(delay)   — then end, one delay after the last frame.
  const step = () => {
    if (finished) return;
    if (i >= n) {
      cleanup();
      response.end();
      return;
    }
    response.write(encodeData(template.replaceAll('{i}', String(i))));
    i += 1;
    timer = setTimeout(step, delay);
  };
  step();
});

server.listen(port, host, () => console.log(`floor ready on http://${host}:${port}`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
