import { NextResponse, type NextRequest } from 'next/server';
import { EMBEDDABLE_PATH, pageCsp } from '@/lib/http/security-headers';

/**
 * Pages only (see `config.matcher`): a fresh nonce per request, put in the CSP that Next.js reads
 * to stamp its own scripts, and sent to the browser. API routes and static files skip this.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, {
    embeddable: request.nextUrl.pathname === EMBEDDABLE_PATH,
    dev: process.env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but the API, Next's static files and the icon. Prefetches need the nonce too.
  matcher: ['/((?!api/|_next/static|_next/image|icon\\.svg|favicon\\.ico).*)'],
};
