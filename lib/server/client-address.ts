import 'server-only';

/**
 * The address the per-client cap counts, from what arrives with a request.
 *
 * With no trusted proxies it is the socket's: whatever `X-Forwarded-For` a client sends is its own
 * claim and changes nothing. Behind N trusted proxies (`STEPSTREAM_TRUST_PROXY=N`), each appends
 * the address it saw to `X-Forwarded-For`, so the N-th entry from the right is the address the
 * outermost trusted proxy saw: entries further left were sent by the client and may be forged.
 * A request that carries fewer entries than that did not come through every proxy; the leftmost
 * entry there is the best that is known.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | readonly string[] | null | undefined,
  trustedProxies: number,
): string {
  const socket = socketAddress ?? 'unknown';
  if (trustedProxies <= 0) return socket;
  const header: string = typeof forwardedFor === 'string' ? forwardedFor : (forwardedFor ?? []).join(',');
  const hops = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return socket;
  return hops.at(-Math.min(trustedProxies, hops.length))!;
}

/** `STEPSTREAM_TRUST_PROXY`: how many proxies in front may be believed; anything but a whole number is 0. */
export function trustedProxiesFrom(env: Record<string, string | undefined>): number {
  const raw = env.STEPSTREAM_TRUST_PROXY?.trim() ?? '';
  return /^\d+$/.test(raw) ? Number(raw) : 0;
}

/** The header `server.mjs` puts the client's address in, overwriting anything a client sent under that name. */
export const CLIENT_HEADER = 'x-stepstream-client';

/**
 * The client of a request that reached a Next.js route handler. Behind `server.mjs`, the address
 * it worked out; without it (`next dev`), Next's own server is the one proxy and appended the
 * socket's address to `X-Forwarded-For`, so the last entry is the one to believe.
 */
export function clientOfRoute(headers: Headers): string {
  return headers.get(CLIENT_HEADER) ?? clientAddress(undefined, headers.get('x-forwarded-for'), 1);
}
