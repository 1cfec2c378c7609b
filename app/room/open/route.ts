import { presenterCookieName } from '@/lib/room/protocol';
import { serverCookie, unavailable } from '@/lib/server/room/http';
import { roomHub } from '@/lib/server/room/rooms';
import { openRoom } from '@/lib/server/room/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `POST /room/open`: the "Open a room" form (it works before the page's script has loaded, and
 * without it). Opens a room as `POST /api/rooms` does and sends the presenter on to its page.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const { code, secret } = await openRoom(await roomHub());
    return new Response(null, {
      status: 303,
      headers: {
        Location: `/room/${code}`,
        'Cache-Control': 'no-store',
        'Set-Cookie': serverCookie(request, presenterCookieName(code), secret),
      },
    });
  } catch (error) {
    return unavailable(error);
  }
}
