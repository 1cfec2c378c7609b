/**
 * The event-stream wire format, encoding side.
 *
 * Rules from WHATWG HTML §9.2.6 "Interpreting an event stream"
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
 * The encoder is stricter than the spec's minimum: it never emits anything a parser could read
 * two ways, and it refuses (throws) values that cannot be sent faithfully, because those are
 * programmer mistakes rather than user input.
 */

/** One event as the server sends it. Only `data` is required. */
export interface SseEvent {
  /** Any text. Line breaks become one `data:` line each; a parser joins them back with LF. */
  data: string;
  /** Sets the parser's last-event-ID. Must not contain CR, LF or NUL. */
  id?: string;
  /** The event type; a browser's `EventSource` dispatches it by this name. Must not contain CR or LF. */
  event?: string;
  /** Reconnection time in milliseconds: a non-negative integer. */
  retry?: number;
}

/** Any of the spec's three line terminators: CRLF, a lone CR or a lone LF. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Splits text into lines on CRLF, CR or LF, the way an event-stream parser does. */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

function assertSingleLine(field: 'id' | 'event', value: string): void {
  // WARNING: a CR or LF here would end the field early and let the rest be read as a new field.
  if (/[\r\n]/.test(value)) throw new TypeError(`SSE ${field} must not contain CR or LF`);
  // A parser ignores an id containing NUL entirely (§9.2.6, "id" field), so it could never arrive.
  if (value.includes('\0')) throw new TypeError(`SSE ${field} must not contain NUL`);
}

/**
 * Encodes one event as a complete frame, ended by a blank line.
 *
 * Every field is written as `name: value` with the single space after the colon, because a parser
 * strips exactly one leading space: `data:  x` keeps one space, which is how leading spaces survive.
 */
export function encodeEvent(event: SseEvent): string {
  let frame = '';
  if (event.event !== undefined) {
    assertSingleLine('event', event.event);
    frame += `event: ${event.event}\n`;
  }
  if (event.id !== undefined) {
    assertSingleLine('id', event.id);
    frame += `id: ${event.id}\n`;
  }
  if (event.retry !== undefined) {
    if (!Number.isSafeInteger(event.retry) || event.retry < 0) {
      throw new RangeError('SSE retry must be a non-negative integer');
    }
    frame += `retry: ${event.retry}\n`;
  }
  for (const line of splitLines(event.data)) frame += `data: ${line}\n`;
  return `${frame}\n`;
}

/**
 * Encodes a comment: lines starting with a colon, which every parser ignores.
 * Useful as a keep-alive that proxies see as traffic. Multi-line text becomes one comment line each.
 */
export function encodeComment(text: string): string {
  let frame = '';
  for (const line of splitLines(text)) frame += `: ${line}\n`;
  return `${frame}\n`;
}
