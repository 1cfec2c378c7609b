import { jsonError } from '@/lib/http/responses';
import { clientOfRoute } from '@/lib/server/client-address';
import { roomOf } from '@/lib/server/room/http';
import { countJoinMiss, joinLimited } from '@/lib/server/room/join-limit';
import { roomCapacity } from '@/lib/server/room/capacity';
import { followRoomStream, studentsHere } from '@/lib/server/room/follow';
import { SSE_HEADERS } from '@/lib/sse/headers';
import { ROOM_REFUSALS } from '@/lib/room/refusals';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `GET /api/rooms/{code}/events`: follows a room, as an event stream. First the room as it stands
 * (or, with a `Last-Event-ID` the log can still serve, exactly what was missed), then every entry
 * with its number as `id:`. A client trying codes that name no room is slowed down (429).
 */
export async function GET(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await context.params;
  const client = clientOfRoute(request.headers);
  const limited = joinLimited(client);
  if (limited) return jsonError(429, limited.message, 'code', { 'Retry-After': String(limited.waitSeconds) });
  const room = await roomOf(request, code);
  if (!room.ok) {
    if (room.response.status === 404 || room.response.status === 400) countJoinMiss(client);
    return room.response;
  }
  if (!room.presenter) {
    const capacity = roomCapacity();
    const elsewhere = await room.hub.presentElsewhere(code).catch(() => 0);
    // This instance's own count is exact, and the stream below counts the student in before anything else runs here.
    if (elsewhere + studentsHere(code) >= capacity)
      return jsonError(429, ROOM_REFUSALS.full(code, capacity), null, { 'Retry-After': '30' });
  }
  const lastEventId = request.headers.get('last-event-id');
  const after = lastEventId !== null && /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : null;
  const body = followRoomStream(room.hub, code, after, !room.presenter, request.signal);
  return new Response(body, { headers: SSE_HEADERS });
}
