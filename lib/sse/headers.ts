/**
 * Response headers for an event stream, sent once before the first frame.
 * See WHATWG HTML §9.2 (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 *
 * There is deliberately no `Connection` header: it is hop-by-hop, forbidden in HTTP/2 and HTTP/3
 * (a browser rejects the response), and the server already keeps the connection open while the
 * body streams.
 */
export const SSE_HEADERS = {
  // The MIME type an EventSource requires; the spec mandates UTF-8, so say so.
  'Content-Type': 'text/event-stream; charset=utf-8',
  // `no-cache`: every connection must reach the generator, never a stored copy.
  // `no-transform`: proxies and compression middleware must pass bytes through as sent,
  // so each frame leaves when it is yielded instead of waiting in a gzip buffer.
  'Cache-Control': 'no-cache, no-transform',
  // nginx (and proxies that copy its convention) buffer responses unless told not to.
  'X-Accel-Buffering': 'no',
} as const satisfies Record<string, string>;
