import { jsonError } from '@/lib/http/responses';
import { presenterCookieName } from '@/lib/room/protocol';
import { serverCookie, unavailable } from '@/lib/server/room/http';
import { roomHub } from '@/lib/server/room/rooms';
import { openRoom } from '@/lib/server/room/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `POST /api/rooms`: opens a classroom. `201 {"code"}`, and the presenter's secret as an
 * `HttpOnly`, `SameSite=Strict` cookie: never in the body, a URL or a page.
 */
export async function POST(request: Request): Promise<Response> {
  if (Number(request.headers.get('content-length') ?? 0) > 1024) return jsonError(413, 'Opening a room takes no body.', 'body');
  try {
    const { code, secret } = await openRoom(await roomHub());
    return Response.json(
      { code },
      {
        status: 201,
        headers: {
          'Cache-Control': 'no-store',
          Location: `/room/${code}`,
          'Set-Cookie': serverCookie(request, presenterCookieName(code), secret),
        },
      },
    );
  } catch (error) {
    return unavailable(error);
  }
}
