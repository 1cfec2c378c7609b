import { longPoll } from '@/lib/server/compare-poll';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/compare/long-poll?start=…&n=3&delay=1000&after=-1`: /compare's long-polling lane; answers when the next message is ready (25 s at most). */
export function GET(request: Request): Promise<Response> {
  return longPoll(request);
}
