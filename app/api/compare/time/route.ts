import { jsonOk } from '@/lib/http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/compare/time`: the server's clock (`Date.now()`), for /compare to measure its offset from the page's. */
export function GET(): Response {
  return jsonOk({ now: Date.now() });
}
