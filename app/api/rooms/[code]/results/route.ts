import { jsonError } from '@/lib/http/responses';
import { roomOf, unavailable } from '@/lib/server/room/http';
import { pollResultsCsv } from '@/lib/server/room/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/rooms/{code}/results`: every poll's answers as CSV, for the presenter only. */
export async function GET(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await context.params;
  const room = await roomOf(request, code);
  if (!room.ok) return room.response;
  if (!room.presenter) return jsonError(403, 'Only the room’s presenter can download its results.', null);
  try {
    const snapshot = await room.hub.snapshot(code);
    const csv = await pollResultsCsv(room.hub, code, snapshot!);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="stepstream-room-${code}-polls.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return unavailable(error);
  }
}
