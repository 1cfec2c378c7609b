import { jsonError } from '@/lib/http/responses';
import { roomRoute } from '@/lib/server/room/http';
import { pollResultsCsv } from '@/lib/server/room/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/rooms/{code}/results`: every poll's answers as CSV, for the presenter only. */
export const GET = roomRoute(async (request, code, room) => {
  if (!room.presenter) return jsonError(403, 'Only the room’s presenter can download its results.', null);
  const snapshot = await room.hub.snapshot(code);
  const csv = await pollResultsCsv(room.hub, code, snapshot!);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="stepstream-room-${code}-polls.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
