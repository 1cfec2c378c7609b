import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersNoContent, endsWithNoContent, formatEventId, parseEventId } from './event-id';

const STREAM_ID = '0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('formatEventId and parseEventId', () => {
  it('write i alone, or <stream-id>/<i> for a step-mode stream', () => {
    expect(formatEventId(0)).toBe('0');
    expect(formatEventId(42, STREAM_ID)).toBe(`${STREAM_ID}/42`);
    expect(formatEventId('{i}', STREAM_ID)).toBe(`${STREAM_ID}/{i}`);
  });

  it('read back every id they write, for any i and either form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.option(fc.uuid({ version: 4 }), { nil: undefined }), (i, streamId) => {
        expect(parseEventId(formatEventId(i, streamId))).toEqual(streamId === undefined ? { index: i } : { index: i, streamId });
      }),
    );
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '+1',
    '-1',
    '01',
    '1.0',
    '1e2',
    'x',
    '/1',
    `${STREAM_ID}/`,
    `${STREAM_ID.toUpperCase()}/1`,
    `x/${STREAM_ID}/1`,
    `${STREAM_ID}/01`,
  ])('refuse %j, which the server never sends', (text) => {
    expect(parseEventId(text)).toBeNull();
  });
});

describe('answersNoContent', () => {
  it('is true only for end=204 resuming after the last frame', () => {
    expect(answersNoContent({ n: 3, end: '204' }, { lastIndex: 2 })).toBe(true);
    expect(answersNoContent({ n: 3, end: '204' }, { lastIndex: 1 })).toBe(false);
    expect(answersNoContent({ n: 3, end: '204' }, undefined)).toBe(false);
    expect(answersNoContent({ n: 3, end: 'event' }, { lastIndex: 2 })).toBe(false);
    expect(answersNoContent({ n: 3 }, { lastIndex: 2 })).toBe(false);
  });

  it('ends with 204 for end=204, and for a step stream with ids (which cannot start over without a new place)', () => {
    expect(endsWithNoContent({ end: '204' })).toBe(true);
    expect(endsWithNoContent({ mode: 'step', ids: true })).toBe(true);
    expect(endsWithNoContent({ mode: 'step' })).toBe(false);
    expect(endsWithNoContent({ ids: true })).toBe(false);
    expect(endsWithNoContent({ end: 'event', ids: true })).toBe(false);
  });
});
