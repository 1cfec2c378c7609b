import { SSE_HEADERS } from '@/lib/sse/headers';
import { createEventStreamBody } from '@/lib/stream/event-stream';
import { isStepMode, parseStreamQuery } from '@/lib/stream/params';
import { createStepModeBody } from '@/lib/stream/step-mode';

// Timers and a long-lived response need Node, and every request must reach the generator.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /api/stream?n=3&delay=1000&template=Message%20{i}`: the seed's generator as a live event stream.
 * `&mode=step` holds it at every sleep until `POST /api/stream/{id}/advance`.
 */
export function GET(request: Request): Response {
  const query = parseStreamQuery(new URL(request.url).searchParams);
  if (!query.ok) {
    return Response.json({ error: query.error, field: query.field }, { status: 400 });
  }
  const body = isStepMode(query.params)
    ? createStepModeBody(query.params, request.signal)
    : createEventStreamBody(query.params, { signal: request.signal });
  return new Response(body, { headers: SSE_HEADERS });
}
