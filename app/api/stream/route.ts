import { SSE_HEADERS } from '@/lib/sse/headers';
import { createEventStreamBody } from '@/lib/stream/event-stream';
import { parseStreamQuery } from '@/lib/stream/params';

// Timers and a long-lived response need Node, and every request must reach the generator.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/stream?n=3&delay=1000&template=Message%20{i}`: the seed's generator as a live event stream. */
export function GET(request: Request): Response {
  const query = parseStreamQuery(new URL(request.url).searchParams);
  if (!query.ok) {
    return Response.json({ error: query.error, field: query.field }, { status: 400 });
  }
  return new Response(createEventStreamBody(query.params, request.signal), { headers: SSE_HEADERS });
}
