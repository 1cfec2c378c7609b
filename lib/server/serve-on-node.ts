import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_HEADERS } from '@/lib/http/responses';
import { API_RESPONSE_HEADERS } from '@/lib/http/security-headers';
import { SSE_HEADERS } from '@/lib/sse/headers';
import { openStream, readStreamQuery } from './open-stream';

const STREAM_HEADERS = { ...API_RESPONSE_HEADERS, ...SSE_HEADERS };
const JSON_RESPONSE_HEADERS = { ...API_RESPONSE_HEADERS, ...JSON_HEADERS, 'Content-Type': 'application/json' };

/** Is this `GET` or `HEAD /api/stream` (with or without a query)? Everything else is Next's. */
export function isStreamRequest(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  return (request.method === 'GET' || request.method === 'HEAD') && (url === '/api/stream' || url.startsWith('/api/stream?'));
}

/**
 * `GET /api/stream` written straight to a Node response: what the route handler
 * (`app/api/stream/route.ts`) does, through the same `openStream`, minus a web `Request`, a
 * `ReadableStream` and Next's per-request pipeline. `server.mjs` serves the endpoint with this;
 * it costs about a third of the CPU and a fifth of the memory per stream (README, Performance).
 *
 * A frame is written as soon as it is yielded; when the socket's buffer is full the generator
 * waits for `drain`, so a slow reader pauses it as it pauses the route's stream.
 */
// WARNING: the code panel shows this function to students (lib/code/typescript-excerpts.ts).
// Keep the region lines around it and the "lesson: request" marker on the line that starts the response.
// #region lesson-excerpt direct-route
export function serveStreamOnNode(request: IncomingMessage, response: ServerResponse, client: string): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'HEAD') {
    // The GET's status and headers, and nothing started: a HEAD must not hold a stream's place.
    const query = readStreamQuery(url);
    response.writeHead(query.ok ? 200 : query.status, query.ok ? STREAM_HEADERS : JSON_RESPONSE_HEADERS);
    response.end();
    return;
  }
  const stream = openStream(url, client);
  if (!stream.ok) {
    response.writeHead(stream.status, { ...JSON_RESPONSE_HEADERS, ...stream.headers });
    response.end(JSON.stringify({ error: stream.error, field: stream.field }));
    return;
  }
  response.writeHead(200, STREAM_HEADERS); // lesson: request
  const running = stream.start({ write: (frame) => void response.write(frame), end: () => void response.end() });
  response.once('close', running.cancel);
  const pumpWhenWritable = (): void => {
    running.pump().then((more) => {
      if (!more) return;
      if (response.writableNeedDrain) response.once('drain', pumpWhenWritable);
      else pumpWhenWritable();
    }, running.cancel);
  };
  pumpWhenWritable();
}
// #endregion lesson-excerpt direct-route
