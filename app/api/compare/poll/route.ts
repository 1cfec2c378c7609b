import { shortPoll } from '@/lib/server/compare-poll';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/compare/poll?start=…&n=3&delay=1000&after=-1&every=1000`: /compare's short-polling lanes; answers at once. */
export function GET(request: Request): Response {
  return shortPoll(request);
}
