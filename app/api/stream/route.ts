import { JSON_HEADERS, jsonError } from '@/lib/http/responses';
import { SSE_HEADERS } from '@/lib/sse/headers';
import { toReadableStream } from '@/lib/server/event-stream';
import { clientOfRoute } from '@/lib/server/client-address';
import { NO_CONTENT_HEADERS, openStream, readStreamRequest } from '@/lib/server/open-stream';

// Timers and a long-lived response need Node, and every request must reach the generator.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /api/stream?n=3&delay=1000&template=Message%20{i}`: the seed's generator as a live event stream.
 * `&mode=step` holds it at every sleep until `POST /api/stream/{id}/advance`; the wire options
 * (`ids`, `retry`, `end`, `dropAfter`, `buffer`) and a `Last-Event-ID` header are `openStream`'s.
 *
 * In production `server.mjs` answers this endpoint itself, through the same `openStream`, writing
 * to the Node response without Next's per-request pipeline (see docs/performance.md, "Why GET /api/stream
 * skips Next.js in production"); this handler serves it under `next dev` and anywhere else.
 */
export function GET(request: Request): Response {
  const stream = openStream(new URL(request.url), clientOfRoute(request.headers), request.headers.get('last-event-id'));
  if (!stream.ok) return jsonError(stream.status, stream.error, stream.field, stream.headers);
  if (stream.status === 204) return new Response(null, { status: 204, headers: NO_CONTENT_HEADERS });
  const body = toReadableStream((sink) => stream.start(sink, request.signal));
  return new Response(body, { headers: SSE_HEADERS });
}

/** The `GET`'s status and headers for this request, with no body and no stream started. */
export function HEAD(request: Request): Response {
  const answer = readStreamRequest(new URL(request.url), request.headers.get('last-event-id'));
  if (!answer.ok) return new Response(null, { status: answer.status, headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' } });
  if (answer.status === 204) return new Response(null, { status: 204, headers: NO_CONTENT_HEADERS });
  return new Response(null, { headers: SSE_HEADERS });
}
