import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_HEADERS } from '@/lib/http/responses';
import { API_RESPONSE_HEADERS } from '@/lib/http/security-headers';
import { SSE_HEADERS } from '@/lib/sse/headers';
import { CUT_GRACE_MS, type FrameSink } from './event-stream';
import { NO_CONTENT_HEADERS, openStream, readStreamRequest, type StreamRefusal } from './open-stream';

const STREAM_HEADERS = { ...API_RESPONSE_HEADERS, ...SSE_HEADERS };
const JSON_RESPONSE_HEADERS = { ...API_RESPONSE_HEADERS, ...JSON_HEADERS, 'Content-Type': 'application/json' };
const EMPTY_RESPONSE_HEADERS = { ...API_RESPONSE_HEADERS, ...NO_CONTENT_HEADERS };

/** The status line's headers for each answer: a refusal's JSON, a 204's, or the stream's. */
const headersFor = (answer: StreamRefusal | { ok: true; status: 200 | 204 }) =>
  !answer.ok ? { ...JSON_RESPONSE_HEADERS, ...answer.headers } : answer.status === 204 ? EMPTY_RESPONSE_HEADERS : STREAM_HEADERS;

/** A request header as one string, as `Headers.get` gives it to the route: repeats joined by commas. */
const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : (value ?? null));

/** Is this `GET` or `HEAD /api/stream` (with or without a query)? Everything else is Next's. */
export function isStreamRequest(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  return (request.method === 'GET' || request.method === 'HEAD') && (url === '/api/stream' || url.startsWith('/api/stream?'));
}

/**
 * `GET /api/stream` written straight to a Node response: what the route handler
 * (`app/api/stream/route.ts`) does, through the same `openStream`, minus a web `Request`, a
 * `ReadableStream` and Next's per-request pipeline. `server.mjs` serves the endpoint with this;
 * it costs about a third of the CPU and a fifth of the memory per stream (docs/performance.md).
 *
 * A frame is written as soon as it is yielded (unless `buffer` holds it back); when the socket's
 * buffer is full the generator waits for `drain`, so a slow reader pauses it as it pauses the
 * route's stream. A `HEAD`, a refusal and a 204 get their status line and no stream.
 */
// WARNING: the code panel shows this function to students (lib/code/typescript-excerpts.ts).
// Keep the region lines around it and the "lesson: request" marker on the line that starts the response.
// #region lesson-excerpt direct-route
export function serveStreamOnNode(request: IncomingMessage, response: ServerResponse, client: string): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  // What an EventSource sends when it reconnects: the last event id it received.
  const lastEventId = headerText(request.headers['last-event-id']);
  if (request.method === 'HEAD') {
    // The GET's status and headers, and nothing started: a HEAD must not hold a stream's place.
    const answer = readStreamRequest(url, lastEventId);
    response.writeHead(answer.status, headersFor(answer));
    response.end();
    return;
  }
  const stream = openStream(url, client, lastEventId);
  if (!stream.ok || stream.status === 204) {
    response.writeHead(stream.status, headersFor(stream));
    response.end(stream.ok ? undefined : JSON.stringify({ error: stream.error, field: stream.field }));
    return;
  }
  response.writeHead(200, STREAM_HEADERS); // lesson: request
  const running = stream.start(nodeSink(response));
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

/**
 * A Node response as a stream's sink. A cut destroys the socket `CUT_GRACE_MS` after the last
 * frame has left, so the frame arrives and the body never ends cleanly.
 */
const nodeSink = (response: ServerResponse): FrameSink => ({
  write: (frame) => void response.write(frame),
  end: (finalFrame) => void response.end(finalFrame),
  cut: (lastFrame) => void response.write(lastFrame, () => setTimeout(() => response.destroy(), CUT_GRACE_MS)),
});
