import { jsonError, refuseLongQuery } from '@/lib/http/responses';
import { SSE_HEADERS } from '@/lib/sse/headers';
import { createEventStreamBody } from '@/lib/stream/event-stream';
import { clientAddress, currentLimits } from '@/lib/stream/limits';
import { isStepMode } from '@/lib/stream/params';
import { admitStream } from '@/lib/stream/registry';
import { createStepModeBody } from '@/lib/stream/step-mode';
import { parseStreamQueryWithZod } from './query-schema';

// Timers and a long-lived response need Node, and every request must reach the generator.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /api/stream?n=3&delay=1000&template=Message%20{i}`: the seed's generator as a live event stream.
 * `&mode=step` holds it at every sleep until `POST /api/stream/{id}/advance`.
 */
export function GET(request: Request): Response {
  const url = new URL(request.url);
  const tooLong = refuseLongQuery(url);
  if (tooLong) return tooLong;
  const query = parseStreamQueryWithZod(url.searchParams);
  if (!query.ok) return jsonError(400, query.error, query.field);

  const limits = currentLimits();
  const admission = admitStream(clientAddress(request.headers), limits);
  if (!admission.ok) return jsonError(admission.status, admission.error, null, { 'Retry-After': String(admission.retryAfterSeconds) });

  const { slot } = admission;
  const options = { signal: request.signal, lifetimeMs: limits.lifetimeMs, onStart: slot.attach, onFinish: slot.release };
  const body = isStepMode(query.params) ? createStepModeBody(query.params, options) : createEventStreamBody(query.params, options);
  return new Response(body, { headers: SSE_HEADERS });
}
