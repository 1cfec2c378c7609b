import { sseLane } from '@/lib/server/compare-sse';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/compare/sse?start=…&n=3&delay=1000`: /compare's SSE lane; one response, each message written when it is ready. */
export function GET(request: Request): Response {
  return sseLane(request);
}
