/**
 * Stepstream's own additions to the wire, shared by the server and the client.
 * The default stream carries none of them: it is the seed's bytes exactly.
 */

/** The request header an `EventSource` reconnects with (event-id.ts reads it). */
export const LAST_EVENT_ID_HEADER = 'Last-Event-ID';
/** The header's twin in the query string, for clients that build a URL rather than headers. */
export const LAST_EVENT_ID_PARAM = 'lastEventId';

/** The event that tells a step-mode client its stream's id; only that client ever sees it. */
export const STREAM_ID_EVENT = 'stepstream-id';

/** A step-mode stream's id, as `crypto.randomUUID()` makes it: 122 random bits, lowercase hex. */
export const STREAM_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `end=event`'s last frame, `event: end` / `data: done`. A named event, so `onmessage` never sees
 * it: only `addEventListener('end', …)` does.
 */
export const END_EVENT = 'end';
export const END_EVENT_DATA = 'done';

/**
 * How long a stream goes without writing before it writes the keep-alive comment (`KEEP_ALIVE_FRAME`
 * in lib/sse/frames.ts), and again after
 * each: under the 30–60 s idle timeouts common in proxies and load balancers, which would
 * otherwise cut a step-mode stream waiting for its presenter.
 */
export const KEEP_ALIVE_MS = 15_000;

/**
 * How long a step-mode stream with ids outlives a lost connection: its generator, its place under
 * the caps and its sent frames are held this long for a reconnect naming it (`Last-Event-ID:
 * <stream-id>/<i>`) to rejoin it. Long enough for an `EventSource`'s reconnect (3–5 s by default,
 * or `retry`'s up to 60 s), short enough that a tab closed for good frees its place within a minute.
 */
export const STEP_REJOIN_WINDOW_MS = 60_000;
