import { jsonError, jsonOk } from '@/lib/http/responses';
import { readRoomCommand } from '@/lib/room/commands';
import { MAX_COMMAND_BYTES, readJsonBody, roomRoute } from '@/lib/server/room/http';
import { carryOut } from '@/lib/server/room/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `POST /api/rooms/{code}/commands`: the presenter's Run, Step, Stop, Reset, Seek and the poll's
 * Open, Reveal and Close. Only the presenter's cookie commands (403 otherwise); the room's server
 * runs the generator and every follower sees what it does.
 */
export const POST = roomRoute(async (request, code, room) => {
  if (!room.presenter) return jsonError(403, 'Only the room’s presenter can command it.', null);
  const body = await readJsonBody(request, MAX_COMMAND_BYTES);
  if (!body.ok) return body.response;
  const command = readRoomCommand(body.json);
  if (!command.ok) return jsonError(400, command.error, command.field);
  const outcome = await carryOut(room.hub, code, command.command);
  if (!outcome.ok) return jsonError(outcome.status, outcome.error, outcome.field);
  return jsonOk({ seq: outcome.entries.at(-1)?.seq ?? null });
});
