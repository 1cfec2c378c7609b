import 'server-only';
import { isRoomCode } from '@/lib/room/code';
import { ROOM_IDLE_MS, presenterCookieName } from '@/lib/room/protocol';
import { jsonError } from '@/lib/http/responses';
import type { RoomHub, RoomRecord } from './hub';
import { roomHub } from './rooms';
import { isPresenterSecret } from './service';
import { ROOM_REFUSALS } from '@/lib/room/refusals';

/** A command's body: a run's template is at most 200 characters, each at most 12 bytes as escaped JSON. */
export const MAX_COMMAND_BYTES = 8192;

/** One cookie's value from a request's `Cookie` header, or undefined. */
export function readCookie(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Whether the request came over HTTPS (directly or, as the proxy says, through one): cookies are then `Secure`. */
const overHttps = (request: Request) => new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';

/**
 * A cookie only the server reads (`HttpOnly`), sent only by this site's own pages (`SameSite=Strict`:
 * a link or form on another site cannot command a room with it), for as long as a room lives.
 */
export function serverCookie(request: Request, name: string, value: string, maxAgeSeconds = ROOM_IDLE_MS / 1000): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${overHttps(request) ? '; Secure' : ''}`;
}

/** The presenter's secret for `code`, if this request carries it. */
export const presenterSecretOf = (request: Request, code: string) => readCookie(request.headers, presenterCookieName(code));

export type RoomAccess = { ok: true; hub: RoomHub; record: RoomRecord; presenter: boolean } | { ok: false; response: Response };

/** The room a request names, whether it comes from its presenter; or the 400 / 404 / 503 that says why not. */
export async function roomOf(request: Request, code: string): Promise<RoomAccess> {
  if (!isRoomCode(code)) return { ok: false, response: jsonError(400, ROOM_REFUSALS.badCode, 'code') };
  try {
    const hub = await roomHub();
    const record = await hub.find(code);
    if (!record) return { ok: false, response: jsonError(404, ROOM_REFUSALS.noRoom(code), 'code') };
    return { ok: true, hub, record, presenter: isPresenterSecret(record.secretHash, presenterSecretOf(request, code)) };
  } catch (error) {
    return { ok: false, response: unavailable(error) };
  }
}

type RoomFound = Extract<RoomAccess, { ok: true }>;

/**
 * A route under `/api/rooms/{code}/`: finds the room the URL names (or answers the 400 / 404 / 503
 * that says why not), then runs `handle`; a hub that fails on the way is a 503, never a 500.
 */
export function roomRoute(handle: (request: Request, code: string, room: RoomFound) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> => {
    const { code } = await context.params;
    const room = await roomOf(request, code);
    if (!room.ok) return room.response;
    try {
      return await handle(request, code, room);
    } catch (error) {
      return unavailable(error);
    }
  };
}

/** The hub could not be reached (Redis restarting): a 503 the page can retry, never a 500. */
export function unavailable(error: unknown): Response {
  console.error('rooms: the hub is unavailable:', error instanceof Error ? error.message : error);
  return jsonError(503, ROOM_REFUSALS.unavailable, null, { 'Retry-After': '2' });
}

/** Reads a small JSON body: 413 past `limit` bytes (declared or actual), 400 for anything that is not JSON. */
export async function readJsonBody(
  request: Request,
  limit: number,
): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({
    ok: false as const,
    response: jsonError(413, `The request body is too large (at most ${limit} bytes).`, 'body'),
  });
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > limit)) return tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, 'The body must be JSON, such as {"type":"step"}.', 'body') };
  }
}
