import 'server-only';
import { JSON_HEADERS, jsonError, refuseLongQuery } from '@/lib/http/responses';
import { parseLaneQuery, type LaneQuery } from '@/lib/compare/query';
import { HEADERS_ADDED_BY_THIS_SERVER, REQUEST_BYTES_HEADER, requestHeadBytes } from '@/lib/compare/wire-size';

/** A lane request the server will answer: its query, and the header that tells the page how large the request was. */
export interface LaneRequest {
  ok: true;
  query: LaneQuery;
  /** `Request-Bytes`, for the response: the page cannot see the headers its browser sent. */
  sizeHeader: Record<string, string>;
}

/**
 * Reads and checks a `/api/compare/*` lane request at the server's `now`: an oversize query gets
 * 414 and an invalid one `400 {error, field}`, both before anything waits or streams.
 */
export function readLaneRequest(request: Request, now = Date.now()): LaneRequest | { ok: false; response: Response } {
  const url = new URL(request.url);
  const refused = refuseLongQuery(url);
  if (refused) return { ok: false, response: refused };
  const parsed = parseLaneQuery(url.searchParams, now);
  if (!parsed.ok) return { ok: false, response: jsonError(400, parsed.error, parsed.field) };
  return { ok: true, query: parsed.query, sizeHeader: { [REQUEST_BYTES_HEADER]: String(requestBytes(request, url)) } };
}

/**
 * The request's line and headers as HTTP/1.1 carried them here, without the headers this server
 * adds on its way to the route. Behind a proxy this is the proxy's request, not the browser's.
 */
export function requestBytes(request: Request, url = new URL(request.url)): number {
  const sent = [...request.headers].filter(([name]) => !HEADERS_ADDED_BY_THIS_SERVER.includes(name.toLowerCase()));
  return requestHeadBytes(request.method, url.pathname + url.search, sent);
}

/** Headers on a lane's JSON answer: never cached, and the request's size. */
export const laneJsonHeaders = (lane: LaneRequest): Record<string, string> => ({ ...JSON_HEADERS, ...lane.sizeHeader });
