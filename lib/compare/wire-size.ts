/**
 * How many bytes an HTTP/1.1 message head takes on the wire, from its parts (RFC 9112 §3, §4, §5):
 * the start line, then `name: value` CRLF for each header field, then an empty line. Field names
 * and values are byte strings (one character, one byte), which is what both `fetch`'s `Headers`
 * and a server's request headers hold. A name's case does not change its length.
 */

/** `name: value` CRLF, for each field. */
function fieldBytes(headers: Iterable<readonly [string, string]>): number {
  let bytes = 0;
  for (const [name, value] of headers) bytes += name.length + 2 + value.length + 2;
  return bytes;
}

/** `GET /path?query HTTP/1.1` CRLF, the fields, CRLF. `target` is the request target as sent (origin-form). */
export function requestHeadBytes(method: string, target: string, headers: Iterable<readonly [string, string]>): number {
  return `${method} ${target} HTTP/1.1\r\n`.length + fieldBytes(headers) + 2;
}

/** `HTTP/1.1 200 OK` CRLF, the fields, CRLF. */
export function responseHeadBytes(status: number, statusText: string, headers: Iterable<readonly [string, string]>): number {
  return `HTTP/1.1 ${status} ${statusText}\r\n`.length + fieldBytes(headers) + 2;
}

/**
 * The response header by which the lanes' endpoints tell the page how large its request was:
 * the page cannot read the headers its browser sends, the server can.
 */
export const REQUEST_BYTES_HEADER = 'Request-Bytes';

/**
 * Request headers that arrive at a route handler without having been on the wire: `server.mjs`
 * names the client in one, and Next.js fills in the `X-Forwarded-*` four when a request has none.
 * Behind a proxy that sends its own, those are left out too (they were the proxy's, not the browser's).
 */
export const HEADERS_ADDED_BY_THIS_SERVER: readonly string[] = [
  'x-stepstream-client',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
];
