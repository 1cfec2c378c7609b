/**
 * Conformance vectors for the event-stream format, ported from web-platform-tests'
 * `eventsource/format-*` tests (https://github.com/web-platform-tests/wpt/tree/master/eventsource),
 * plus a few spec-derived cases those tests leave implicit. (Files named in these comments are
 * web-platform-tests' own — file-mentions: foreign.)
 *
 * Each vector holds the exact bytes the WPT server sends (`raw`) and the events a browser's
 * `EventSource` dispatches for them (`events`), as WHATWG HTML §9.2.6 "Interpreting an event stream"
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation)
 * defines them. They are used twice: `conformance.test.ts` feeds them to eventsource-parser through
 * `createByteParser`, and `e2e/conformance.spec.ts` serves them to Chromium from a server of its own.
 * Nothing here is imported by the app, so none of it reaches a production build.
 *
 * Porting notes that apply to every vector:
 * - WPT's tests run on one connection and usually stop at the event they assert on; a vector is
 *   the whole first response, and `events` lists everything a browser dispatches for it, in order,
 *   with the `lastEventId` each event carries.
 * - WPT's `resources/message.py` (formerly `message.php`) answers `message + newline + "\n"`, where
 *   `newline` is `"\n\n"` unless the test passes `newline=none`; `messagePy` reproduces that, so the
 *   trailing bytes are WPT's own.
 * - `resources/last-event-id.py` answers `id: <idvalue>\nretry: 200\ndata: hello\n\n` on the first
 *   connection (idvalue defaults to U+2026 "…") and `data: <Last-Event-ID>\n\n` on a reconnection;
 *   `lastEventIdPy` reproduces the first answer.
 * - WPT has since moved several of these tests from `.htm` into `.any.js` / `.window.js` files with the
 *   same stream; the names below are the original `.htm` ones.
 */
import { encodeEvent, type SseEvent } from './encode';

/** One event as a browser's `EventSource` dispatches it. */
export interface ConformanceEvent {
  /** The event's type: `'message'` unless the stream named another. */
  type: string;
  data: string;
  /**
   * The `lastEventId` the browser gives the event: the last `id` field that was set on this connection
   * (it persists across events until changed; an `id` containing NUL is ignored; an empty `id` resets it
   * to the empty string), `''` before any.
   */
  lastEventId: string;
}

export interface ConformanceVector {
  /** Short unique name: the WPT file's base name, or a descriptive one for spec-derived vectors. */
  name: string;
  /** The WPT file this ports (`eventsource/format-bom.htm`), or `null` for a spec-derived vector. */
  wpt: string | null;
  /** What the vector checks, as a clause (test names are `name: summary`). */
  summary: string;
  /** The exact bytes of the response body: a string is sent as UTF-8. */
  raw: string | Uint8Array;
  /** Every event a browser dispatches for `raw`, in order. */
  events: ConformanceEvent[];
  /** The reconnection time (ms) the stream leaves set, when it sets a valid one. */
  retry?: number;
  /** The raw response's `Content-Type`, when WPT sends something other than `text/event-stream`. */
  contentType?: string;
  /**
   * Byte offsets at which the e2e server flushes and pauses, so Chromium reads the body in separate
   * pieces there. Transport only: the bytes are the same, and the unit tests split everywhere anyway.
   */
  deliverAt?: number[];
}

const message = (data: string, lastEventId = ''): ConformanceEvent => ({ type: 'message', data, lastEventId });

/** What WPT's `resources/message.py` answers for `?message=…` (and `&newline=none` when `newline` is `''`). */
const messagePy = (body: string, newline = '\n\n'): string => `${body}${newline}\n`;

/** What WPT's `resources/last-event-id.py` answers on a first connection. */
const lastEventIdPy = (idvalue = '\u2026'): string => `id: ${idvalue}\nretry: 200\ndata: hello\n\n`;

const utf8 = new TextEncoder();
const concatBytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8.encode(part)] : part)));

/**
 * Ports eventsource/format-bom.htm. One U+FEFF BOM at the very start of the stream is skipped; a
 * BOM anywhere else is text, so `\uFEFFdata` is an unknown field name and the second block
 * dispatches nothing. WPT asserts 1 arrives, 2 does not, then 3.
 */
export const formatBom: ConformanceVector = {
  name: 'format-bom',
  wpt: 'eventsource/format-bom.htm',
  summary: 'a BOM is skipped at the start of the stream only',
  raw: messagePy('\uFEFFdata:1\n\n\uFEFFdata:2\n\ndata:3'),
  events: [message('1'), message('3')],
};

/**
 * Ports eventsource/format-bom-2.htm. Two BOMs at the start: only the first is skipped, so the
 * first block's field is `\uFEFFdata` (unknown) and 1 never arrives; 2 and 3 do.
 */
export const formatBom2: ConformanceVector = {
  name: 'format-bom-2',
  wpt: 'eventsource/format-bom-2.htm',
  summary: 'of two BOMs at the start, only the first is skipped',
  raw: messagePy('\uFEFF\uFEFFdata:1\n\ndata:2\n\ndata:3'),
  events: [message('2'), message('3')],
};

/**
 * Ports eventsource/format-comments.htm ("comment fest"): comments ended by CR, LF and CRLF, a
 * comment holding NUL, comments of 2 KiB, and a comment that looks like a data line. `newline=none`,
 * so the stream is the message plus WPT's one trailing LF. Expected data "1\n2\n3\n4".
 */
export const formatComments: ConformanceVector = (() => {
  const longstring = 'x'.repeat(2 * 1024); // WPT: (new Array(2*1024+1)).join("x")
  return {
    name: 'format-comments',
    wpt: 'eventsource/format-comments.htm',
    summary: 'comments of any length and any line end are ignored',
    raw: messagePy(`data:1\r:\0\n:\r\ndata:2\n:${longstring}\rdata:3\n:data:fail\r:${longstring}\ndata:4\n`, ''),
    events: [message('1\n2\n3\n4')],
  };
})();

/**
 * Ports eventsource/format-data-before-final-empty-line.htm. The stream ends inside an event (no
 * blank line after `data:test2`), so that event is discarded, and so is its `id:test`: the
 * last-event-ID is only committed when an event is dispatched. WPT checks this across the
 * reconnection (`retry:1000`): the second `test1` still has lastEventId "". Here, on one
 * connection, only `test1` is dispatched, with lastEventId "".
 */
export const formatDataBeforeFinalEmptyLine: ConformanceVector = {
  name: 'format-data-before-final-empty-line',
  wpt: 'eventsource/format-data-before-final-empty-line.htm',
  summary: 'an event not ended by a blank line is discarded with its id',
  raw: messagePy('retry:1000\ndata:test1\n\nid:test\ndata:test2', ''),
  events: [message('test1')],
  retry: 1000,
};

/**
 * Ports eventsource/format-field-data.htm. `data:` with an empty value is one empty line of data
 * (data ""); `data` without a colon is the same, so two of them give "\n"; then "test".
 */
export const formatFieldData: ConformanceVector = {
  name: 'format-field-data',
  wpt: 'eventsource/format-field-data.htm',
  summary: 'data with and without a colon, and empty data',
  raw: messagePy('data:\n\ndata\ndata\n\ndata:test'),
  events: [message(''), message('\n'), message('test')],
};

/**
 * Ports eventsource/format-field-event.htm. `event:test` names the first event (dispatched as a
 * `test` event, not `message`); the type does not carry over, so the second is a `message` again.
 */
export const formatFieldEvent: ConformanceVector = {
  name: 'format-field-event',
  wpt: 'eventsource/format-field-event.htm',
  summary: 'a named event, then the type falls back to message',
  raw: messagePy('event:test\ndata:x\n\ndata:x'),
  events: [{ type: 'test', data: 'x', lastEventId: '' }, message('x')],
};

/**
 * Ports eventsource/format-field-event-empty.htm. `event: ` (one space, stripped) sets an empty
 * type, which dispatches as `message`.
 */
export const formatFieldEventEmpty: ConformanceVector = {
  name: 'format-field-event-empty',
  wpt: 'eventsource/format-field-event-empty.htm',
  summary: 'an empty event type dispatches as message',
  raw: messagePy('event: \ndata:data'),
  events: [message('data')],
};

/**
 * Ports eventsource/format-field-id.htm (first connection): `id: …` (U+2026, a non-ASCII id) sets
 * the last-event-ID, which the `hello` event carries. WPT then checks the reconnection sends it as
 * `Last-Event-ID`; that is request behaviour, not stream parsing, and is not ported.
 */
export const formatFieldId: ConformanceVector = {
  name: 'format-field-id',
  wpt: 'eventsource/format-field-id.htm',
  summary: 'a non-ASCII id is the event’s lastEventId',
  raw: lastEventIdPy(),
  events: [message('hello', '\u2026')],
  retry: 200,
};

/**
 * Ports eventsource/format-field-id-2.htm, adapted to one connection. In WPT the two events after
 * `hello` arrive on reconnections (the server echoes `Last-Event-ID` back as data, and the browser's
 * last-event-ID survives the reconnect). The stream-level property behind it, that the ID persists
 * across later events that set no `id`, is kept here by appending those two events (`data: …`) to the
 * first response. WPT expects data "…" and lastEventId "…" for both.
 */
export const formatFieldId2: ConformanceVector = {
  name: 'format-field-id-2',
  wpt: 'eventsource/format-field-id-2.htm',
  summary: 'the last event ID persists across later events without an id',
  raw: `${lastEventIdPy()}data: \u2026\n\ndata: \u2026\n\n`,
  events: [message('hello', '\u2026'), message('\u2026', '\u2026'), message('\u2026', '\u2026')],
  retry: 200,
  deliverAt: [5, 6], // inside the id's "…" (bytes 4..6), so Chromium too decodes a character split between reads
};

/**
 * Ports eventsource/format-field-id-3.htm, "persists" (`last-event-id2.py?type=1`). Not in the
 * original list; added because it is WPT's direct check of the persistence rule.
 */
export const formatFieldId3Persists: ConformanceVector = {
  name: 'format-field-id-3-persists',
  wpt: 'eventsource/format-field-id-3.htm',
  summary: 'an id persists into the next event',
  raw: 'id: 1\ndata: 1\n\ndata:2\n\n',
  events: [message('1', '1'), message('2', '1')],
};

/** Ports eventsource/format-field-id-3.htm, "changes and persists" (`last-event-id2.py?type=2`). */
export const formatFieldId3Changes: ConformanceVector = {
  name: 'format-field-id-3-changes',
  wpt: 'eventsource/format-field-id-3.htm',
  summary: 'a new id replaces the old one and persists in turn',
  raw: 'id: 1\ndata: 1\n\nid: 2\ndata:2\n\ndata:3\n\n',
  events: [message('1', '1'), message('2', '2'), message('3', '2')],
};

/**
 * Ports eventsource/format-field-id-3.htm, "resets" (`last-event-id2.py?type=3`): an empty `id:`
 * sets the last-event-ID to "" and that persists too.
 */
export const formatFieldId3Resets: ConformanceVector = {
  name: 'format-field-id-3-resets',
  wpt: 'eventsource/format-field-id-3.htm',
  summary: 'an empty id resets the last event ID to ""',
  raw: 'id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n',
  events: [message('1', '1'), message('2', ''), message('3', '')],
};

/**
 * Ports eventsource/format-field-id-null.htm (`last-event-id.py?idvalue=%00%00`). An `id` whose value
 * contains NUL is ignored (§9.2.6, "id" field), so `hello` has lastEventId "". The oldest revisions
 * of this WPT file asserted "\0\0", from before the spec changed; current WPT expects "".
 */
export const formatFieldIdNull: ConformanceVector = {
  name: 'format-field-id-null',
  wpt: 'eventsource/format-field-id-null.htm',
  summary: 'an id containing NUL is ignored',
  raw: lastEventIdPy('\0\0'),
  events: [message('hello', '')],
  retry: 200,
};

/**
 * Ports eventsource/format-field-parsing.htm: field names match exactly (`Data`, `data\0`, `\0data`,
 * `da-ta`, `data_5`, ` data` are all unknown and ignored), exactly one leading space is stripped
 * (`data:  2` gives " 2"), NUL is kept in data, and CR, LF and CRLF all end lines.
 * `newline=none`. Expected data "\0\n 2\n1\n3\n\n4".
 */
export const formatFieldParsing: ConformanceVector = {
  name: 'format-field-parsing',
  wpt: 'eventsource/format-field-parsing.htm',
  summary: 'only exact field names count, and one leading space is stripped',
  raw: messagePy(
    'data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n data:32\ndata:4\n',
    '',
  ),
  events: [message('\0\n 2\n1\n3\n\n4')],
};

/**
 * Ports eventsource/format-field-retry.htm: `retry:02000` is decimal (leading zero allowed, not
 * octal), so the reconnection time is 2000 ms. (Older revisions used `03000` and 3000 ms; same rule.)
 * WPT measures the time between two `open` events; here it is the parser's reported retry.
 */
export const formatFieldRetry: ConformanceVector = {
  name: 'format-field-retry',
  wpt: 'eventsource/format-field-retry.htm',
  summary: 'a retry with a leading zero is read as decimal',
  raw: messagePy('retry:02000\ndata:x'),
  events: [message('x')],
  retry: 2000,
};

/**
 * Ports eventsource/format-field-retry-bogus.htm: `retry:1000x` is not all ASCII digits, so it is
 * ignored and the earlier `retry:2000` stands.
 */
export const formatFieldRetryBogus: ConformanceVector = {
  name: 'format-field-retry-bogus',
  wpt: 'eventsource/format-field-retry-bogus.htm',
  summary: 'a retry with a non-digit is ignored',
  raw: messagePy('retry:2000\nretry:1000x\ndata:x'),
  events: [message('x')],
  retry: 2000,
};

/**
 * Ports eventsource/format-field-retry-empty.htm. The upstream file was not available to copy; the
 * stream (`retry` with no colon, then `data:test`) is recalled from it and from ports of it, and the
 * expectation is derived from §9.2.6: a field with no colon has an empty value, an empty value is not
 * all digits, so the retry is ignored (no reconnection time set) and `test` is dispatched.
 */
export const formatFieldRetryEmpty: ConformanceVector = {
  name: 'format-field-retry-empty',
  wpt: 'eventsource/format-field-retry-empty.htm',
  summary: 'a retry with no value is ignored',
  raw: messagePy('retry\ndata:test'),
  events: [message('test')],
};

/**
 * Ports eventsource/format-field-unknown.htm ("unknown fields and parsing fun"): ` data` (leading
 * space), `foobar:xxx`, `justsometext` (no colon) are unknown fields, a comment is ignored, and the
 * bare `data` line adds an empty line. Expected data "test\n\ntest".
 */
export const formatFieldUnknown: ConformanceVector = {
  name: 'format-field-unknown',
  wpt: 'eventsource/format-field-unknown.htm',
  summary: 'unknown field names are ignored',
  raw: messagePy('data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test'),
  events: [message('test\n\ntest')],
};

/**
 * Ports eventsource/format-leading-space.htm: only a space is stripped after the colon, never a tab
 * (`data:\ttest` keeps the tab), and `data: ` is one empty line. A lone CR ends the first line.
 * Expected data "\ttest\n\ntest".
 */
export const formatLeadingSpace: ConformanceVector = {
  name: 'format-leading-space',
  wpt: 'eventsource/format-leading-space.htm',
  summary: 'only a single leading space is stripped, never a tab',
  raw: messagePy('data:\ttest\rdata: \ndata:test'),
  events: [message('\ttest\n\ntest')],
};

/**
 * Ports eventsource/format-newlines.htm ("newline fest"): CRLF, LF and CR line ends mixed; the
 * message ends `\r\n\r` and WPT's trailing LF makes the final `\r\n` the blank line.
 * Expected data "test\n\ntest".
 */
export const formatNewlines: ConformanceVector = {
  name: 'format-newlines',
  wpt: 'eventsource/format-newlines.htm',
  summary: 'CR, LF and CRLF line ends mix freely',
  raw: messagePy('data:test\r\ndata\ndata:test\r\n\r', ''),
  events: [message('test\n\ntest')],
};

/** Ports eventsource/format-null-character.html: a NUL in data arrives as a NUL. */
export const formatNullCharacter: ConformanceVector = {
  name: 'format-null-character',
  wpt: 'eventsource/format-null-character.html',
  summary: 'NUL in data is kept',
  raw: messagePy('data:\0\n\n'),
  events: [message('\0')],
};

/**
 * Ports eventsource/format-utf-8.htm: the stream is always UTF-8, whatever `charset` the
 * `Content-Type` claims (WPT sends `charset=windows-1252`, which the e2e server does too), so
 * `ok…` (E2 80 A6) arrives as "ok…". The e2e server also delivers it split inside the "…".
 * (Chromium deviates here: it refuses any charset other than UTF-8; see e2e/conformance.spec.ts.)
 */
export const formatUtf8: ConformanceVector = {
  name: 'format-utf-8',
  wpt: 'eventsource/format-utf-8.htm',
  summary: 'the stream is decoded as UTF-8 whatever the charset says',
  raw: messagePy('data:ok\u2026'),
  events: [message('ok\u2026')],
  contentType: 'text/event-stream;charset=windows-1252',
  deliverAt: [8, 9], // "data:ok" is 7 bytes; the "…" is bytes 7..9
};

/**
 * Spec-derived (§9.2.6: a line ends at CRLF, or at a CR not followed by LF): a CRLF whose CR and LF
 * arrive in different reads is still one line end. Read as two, the LF would be a blank line and
 * dispatch "a" on its own. The e2e server pauses between every CR and its LF.
 */
export const crlfSplitAcrossChunks: ConformanceVector = {
  name: 'crlf-split-across-chunks',
  wpt: null,
  summary: 'a CRLF split between two reads is one line end',
  raw: 'data:a\r\ndata:b\r\n\r\ndata:c\r\n\r\n',
  events: [message('a\nb'), message('c')],
  deliverAt: [7, 15, 17, 25, 27],
};

/**
 * Spec-derived, the case-different names of format-field-parsing.htm's `Data:1` in every field:
 * field names are compared exactly (§9.2.6 "If the field name is …"), so `Data`, `DATA`, `Event`,
 * `ID` and `Retry` are all unknown; only `data:z` counts, with type message, no id and no retry.
 */
export const caseDifferentFieldNames: ConformanceVector = {
  name: 'case-different-field-names',
  wpt: null,
  summary: 'field names are case-sensitive',
  raw: 'Data:x\nDATA:y\ndata:z\nEvent:custom\nID:7\nRetry:10\n\n',
  events: [message('z')],
};

/**
 * Spec-derived (§9.2.6 "dispatch the event", step 1 sets the last-event-ID string *before* step 2
 * returns on an empty data buffer): a block with only an `id:` and no data dispatches nothing but
 * still sets the last-event-ID, which the next event carries.
 */
export const idOnlyBlock: ConformanceVector = {
  name: 'id-only-block',
  wpt: null,
  summary: 'an id in a block without data still sets the last event ID',
  raw: 'id: 1\n\ndata: x\n\n',
  events: [message('x', '1')],
};

/**
 * Spec-derived (§9.2.6: the stream is decoded with "UTF-8 decode", which replaces each maximal
 * invalid sequence with U+FFFD): a lone FF byte and a truncated three-byte sequence (E2 80 before
 * LF) each become one U+FFFD, and parsing carries on.
 */
export const invalidUtf8: ConformanceVector = {
  name: 'invalid-utf-8',
  wpt: null,
  summary: 'invalid UTF-8 becomes U+FFFD',
  raw: concatBytes('data:', [0xff], 'a', [0xe2, 0x80], '\n\ndata:ok\n\n'),
  events: [message('\uFFFDa\uFFFD'), message('ok')],
};

/**
 * Spec-derived (§9.2.6: only a real U+FEFF is skipped): text that merely looks like a BOM read as
 * Latin-1, "ï»¿" (U+00EF U+00BB U+00BF, sent as UTF-8 C3 AF C2 BB C2 BF), is ordinary text, so the
 * first field is the unknown `ï»¿data` and only 2 is dispatched.
 */
export const latin1LookalikeBom: ConformanceVector = {
  name: 'latin1-lookalike-bom',
  wpt: null,
  summary: 'text that looks like a BOM in Latin-1 is not skipped',
  raw: '\u00EF\u00BB\u00BFdata:1\n\ndata:2\n\n',
  events: [message('2')],
};

/**
 * Spec-derived (§9.2.6: a CR not followed by LF ends a line, and end of stream is "not followed by
 * LF"): a stream using CR line ends whose very last byte is the CR of the blank line has a complete
 * final event, which is dispatched. A parser that waits to see whether an LF follows must still
 * finish the line when the stream ends.
 */
export const crAtEndOfStream: ConformanceVector = {
  name: 'cr-at-end-of-stream',
  wpt: null,
  summary: 'a CR as the last byte of the stream ends the last event',
  raw: 'data:1\r\rdata:2\r\r',
  events: [message('1'), message('2')],
};

/** Every vector, in the order tests run them. */
export const CONFORMANCE_VECTORS: readonly ConformanceVector[] = [
  formatBom,
  formatBom2,
  formatComments,
  formatDataBeforeFinalEmptyLine,
  formatFieldData,
  formatFieldEvent,
  formatFieldEventEmpty,
  formatFieldId,
  formatFieldId2,
  formatFieldId3Persists,
  formatFieldId3Changes,
  formatFieldId3Resets,
  formatFieldIdNull,
  formatFieldParsing,
  formatFieldRetry,
  formatFieldRetryBogus,
  formatFieldRetryEmpty,
  formatFieldUnknown,
  formatLeadingSpace,
  formatNewlines,
  formatNullCharacter,
  formatUtf8,
  crlfSplitAcrossChunks,
  caseDifferentFieldNames,
  idOnlyBlock,
  invalidUtf8,
  latin1LookalikeBom,
  crAtEndOfStream,
];

/** The vector's response body as bytes. */
export function rawBytes(vector: ConformanceVector): Uint8Array {
  return typeof vector.raw === 'string' ? utf8.encode(vector.raw) : vector.raw;
}

/** Thrown when a vector's intended events cannot be written by our encoder so that they parse back unchanged. */
export class UnencodableEventsError extends Error {
  override name = 'UnencodableEventsError';
}

/**
 * Writes a vector's intended events with our encoder, one `encodeEvent` frame per event:
 * `event:` only when the type is not `message`, `id:` only when the lastEventId differs from the
 * previous event's (so a reset to "" is written as `id: `), and `retry:` on the first frame when the
 * vector sets one.
 *
 * Throws `UnencodableEventsError` for what cannot round-trip, instead of writing something that parses
 * differently: data containing CR (a parser never yields CR in data; the encoder would turn it into a
 * line break), a lastEventId containing NUL (a parser ignores such an id), and a retry with no event to
 * carry it (`encodeEvent` always writes a data line). The encoder's own refusals (CR or LF in an id or
 * a type) surface as its TypeError.
 */
export function encodeIntendedEvents(events: readonly ConformanceEvent[], retry?: number): string {
  if (retry !== undefined && events.length === 0) {
    throw new UnencodableEventsError('a retry with no event to carry it cannot be written by encodeEvent');
  }
  let previousId = '';
  let stream = '';
  for (const [index, event] of events.entries()) {
    if (event.data.includes('\r')) {
      throw new UnencodableEventsError(`event ${index}: data containing CR cannot arrive from any stream`);
    }
    if (event.lastEventId.includes('\0')) {
      throw new UnencodableEventsError(`event ${index}: a lastEventId containing NUL cannot be set by any stream`);
    }
    const frame: SseEvent = { data: event.data };
    if (event.type !== 'message') frame.event = event.type;
    if (event.lastEventId !== previousId) frame.id = event.lastEventId;
    if (index === 0 && retry !== undefined) frame.retry = retry;
    stream += encodeEvent(frame);
    previousId = event.lastEventId;
  }
  return stream;
}
