/** Headers on every JSON answer of the API: never cached, never sniffed as something else. */
export const JSON_HEADERS = { 'Cache-Control': 'no-store' } as const;

/**
 * A refusal the client can act on: `{error, field}` with a 4xx status. `field` names the input at
 * fault, or is null when no single input is (a cap, a shutdown). Never a stack trace.
 */
export function jsonError(status: number, error: string, field: string | null, headers: Record<string, string> = {}): Response {
  return Response.json({ error, field }, { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** A successful JSON answer. */
export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: JSON_HEADERS });
}

/** Longer than any valid query: 3 short numbers plus a 200-character template, every byte percent-encoded. */
export const MAX_QUERY_CHARS = 4096;
/** The advance endpoint takes no body; anything beyond this is refused unread. */
export const MAX_BODY_BYTES = 1024;

/** What an oversize query string gets, before anything parses it. */
export const LONG_QUERY_ERROR = `The query string is too long (over ${MAX_QUERY_CHARS} characters).`;

/** Refuses an oversize query string before anything parses it. */
export function refuseLongQuery(url: URL): Response | null {
  return url.search.length > MAX_QUERY_CHARS ? jsonError(414, LONG_QUERY_ERROR, 'query') : null;
}

/** Refuses a body larger than the endpoint takes, by its declared length, before reading it. */
export function refuseLargeBody(request: Request): Response | null {
  const declared = request.headers.get('content-length');
  const tooLarge = declared !== null && (!/^\d+$/.test(declared) || Number(declared) > MAX_BODY_BYTES);
  const unbounded = declared === null && request.headers.get('transfer-encoding') !== null;
  return tooLarge || unbounded
    ? jsonError(413, `The request body is too large (this endpoint takes at most ${MAX_BODY_BYTES} bytes).`, 'body')
    : null;
}
