import { randomUUID } from 'node:crypto';
import { jsonError, jsonOk } from '@/lib/http/responses';
import { STUDENT_COOKIE } from '@/lib/room/protocol';
import { readAnswer } from '@/lib/room/commands';
import { readCookie, readJsonBody, roomRoute, serverCookie } from '@/lib/server/room/http';
import { answerPoll } from '@/lib/server/room/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `POST /api/rooms/{code}/answers` `{pollId, choice}`: a student's answer to the open poll, counted once per browser. */
export const POST = roomRoute(async (request, code, room) => {
  const body = await readJsonBody(request, 1024);
  if (!body.ok) return body.response;
  const answer = readAnswer(body.json);
  if (!answer.ok) return jsonError(400, answer.error, answer.field);
  const known = readCookie(request.headers, STUDENT_COOKIE);
  const student = known && /^[0-9a-f-]{36}$/.test(known) ? known : randomUUID();
  const outcome = await answerPoll(room.hub, code, student, answer.answer.pollId, answer.answer.choice);
  if (!outcome.ok) return jsonError(outcome.status, outcome.error, outcome.field);
  const response = jsonOk({ recorded: 'recorded' in outcome ? outcome.recorded : false });
  if (student !== known) response.headers.append('Set-Cookie', serverCookie(request, STUDENT_COOKIE, student, 30 * 24 * 3600));
  return response;
});
