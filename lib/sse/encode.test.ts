import fc from 'fast-check';
import type { EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { createByteParser } from './decode';
import { encodeComment, encodeEvent, type SseEvent } from './encode';
import { SSE_HEADERS } from './headers';

const utf8 = new TextEncoder();

/** Parses bytes that were cut at the given offsets, as a network might deliver them. */
function parseSplit(bytes: Uint8Array, cuts: readonly number[]) {
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createByteParser({
    onEvent: (event) => events.push(event),
    onComment: (comment) => comments.push(comment),
    onRetry: (retry) => retries.push(retry),
  });
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    parser.feed(bytes.subarray(start, cut));
    start = cut;
  }
  parser.feed(bytes.subarray(start));
  parser.end();
  return { events, comments, retries };
}

/** What a conforming parser must hand back for `data`: line breaks normalised to LF. */
const asParsed = (data: string) => data.replace(/\r\n|\r/g, '\n');

describe('encodeEvent', () => {
  it('writes the seed frame byte for byte', () => {
    expect(encodeEvent({ data: 'Message 0' })).toBe('data: Message 0\n\n');
  });

  it('writes one data line per line of text, whichever line break separated them', () => {
    expect(encodeEvent({ data: 'a\r\nb\rc\nd' })).toBe('data: a\ndata: b\ndata: c\ndata: d\n\n');
  });

  it('keeps leading spaces by always writing exactly one space after the colon', () => {
    const frame = encodeEvent({ data: '  indented' });
    expect(frame).toBe('data:   indented\n\n');
    expect(parseSplit(utf8.encode(frame), []).events[0]?.data).toBe('  indented');
  });

  it('writes empty data as one empty data line, which a parser still dispatches', () => {
    const frame = encodeEvent({ data: '' });
    expect(frame).toBe('data: \n\n');
    expect(parseSplit(utf8.encode(frame), []).events).toEqual([{ data: '', event: undefined, id: undefined }]);
  });

  it('writes event, id and retry before the data', () => {
    expect(encodeEvent({ data: 'x', event: 'tick', id: '7', retry: 2500 })).toBe('event: tick\nid: 7\nretry: 2500\ndata: x\n\n');
  });

  it.each(['a\nb', 'a\rb', 'a\r\nb', 'a\0b'])('refuses an id of %j', (id) => {
    expect(() => encodeEvent({ data: 'x', id })).toThrow(TypeError);
  });

  it.each(['a\nb', 'a\rb', 'a\0b'])('refuses an event name of %j', (event) => {
    expect(() => encodeEvent({ data: 'x', event })).toThrow(TypeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a retry of %s', (retry) => {
    expect(() => encodeEvent({ data: 'x', retry })).toThrow(RangeError);
  });

  it('accepts a retry of zero', () => {
    const { retries } = parseSplit(utf8.encode(encodeEvent({ data: 'x', retry: 0 })), []);
    expect(retries).toEqual([0]);
  });
});

describe('encodeComment', () => {
  it('writes one comment line per line of text, ended by a blank line', () => {
    expect(encodeComment('keep-alive')).toBe(': keep-alive\n\n');
    expect(encodeComment('a\nb')).toBe(': a\n: b\n\n');
  });

  it('is ignored as an event but reported as a comment by the parser', () => {
    const { events, comments } = parseSplit(utf8.encode(encodeComment('hello') + encodeEvent({ data: 'x' })), []);
    expect(events.map((e) => e.data)).toEqual(['x']);
    expect(comments).toEqual(['hello']);
  });
});

describe('SSE_HEADERS', () => {
  it('declares the event-stream type in UTF-8, forbids caching and transforms, and sends no Connection header', () => {
    expect(SSE_HEADERS['Content-Type']).toBe('text/event-stream; charset=utf-8');
    expect(SSE_HEADERS['Cache-Control']).toBe('no-cache, no-transform');
    expect(SSE_HEADERS['X-Accel-Buffering']).toBe('no');
    expect(Object.keys(SSE_HEADERS).map((name) => name.toLowerCase())).not.toContain('connection');
  });
});

describe('encode → eventsource-parser round trip', () => {
  // Full code-point range, surrogate pairs included; lone surrogates cannot be sent as UTF-8 at all.
  const anyText = fc.string({ unit: 'binary', maxLength: 40 });
  const lineBreakHeavyText = fc.string({
    unit: fc.constantFrom('\r', '\n', '\r\n', ' ', ':', '\0', '\uFEFF', 'é', '😀', 'data: x', 'id: 9'),
    maxLength: 20,
  });
  const anyData = fc.oneof(anyText, lineBreakHeavyText);
  const anyId = fc.option(
    anyText.filter((id) => !/[\r\n\0]/.test(id)),
    { nil: undefined },
  );
  const anyEventName = fc.option(
    anyText.filter((name) => !/[\r\n\0]/.test(name)),
    { nil: undefined },
  );

  it('yields exactly the encoded event, whatever byte boundaries the output is split at', () => {
    fc.assert(
      fc.property(anyData, anyId, anyEventName, fc.array(fc.nat(), { maxLength: 8 }), (data, id, event, rawCuts) => {
        const sent: SseEvent = { data, id, event };
        const bytes = utf8.encode(encodeEvent(sent));
        const cuts = rawCuts.map((cut) => cut % (bytes.length + 1));
        const { events } = parseSplit(bytes, cuts);
        // An empty event name means the default type, which eventsource-parser reports as undefined.
        expect(events).toEqual([{ data: asParsed(data), id, event: event || undefined }]);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a sequence of events apart, split at every single byte boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ data: anyData, id: anyId }), { minLength: 1, maxLength: 4 }), (sent) => {
        const bytes = utf8.encode(sent.map((event) => encodeEvent(event)).join(''));
        const everyBoundary = Array.from({ length: bytes.length }, (_, offset) => offset);
        const { events } = parseSplit(bytes, everyBoundary);
        expect(events.map((e) => e.data)).toEqual(sent.map((e) => asParsed(e.data)));
        expect(events.map((e) => e.id)).toEqual(sent.map((e) => e.id));
      }),
      { numRuns: 200 },
    );
  });
});
