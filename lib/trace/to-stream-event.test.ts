import { describe, expect, it } from 'vitest';
import { parseSse } from '@/lib/sse/read';
import { toStreamEvent } from './to-stream-event';

describe('toStreamEvent', () => {
  it('makes a message a frame, with its id and event only when it has them', () => {
    expect(toStreamEvent({ data: 'Message 0' }, 5)).toStrictEqual({ type: 'frame', atMs: 5, data: 'Message 0' });
    expect(toStreamEvent({ data: 'done', id: '3', event: 'end' }, 7)).toStrictEqual({
      type: 'frame',
      atMs: 7,
      data: 'done',
      id: '3',
      event: 'end',
    });
  });

  it('keeps an empty id, which resets the last event ID', () => {
    expect(toStreamEvent({ data: 'x', id: '' }, 0)).toStrictEqual({ type: 'frame', atMs: 0, data: 'x', id: '' });
  });

  it('makes an `event: error` message the error it reports', () => {
    expect(toStreamEvent({ data: 'The generator stopped unexpectedly.', event: 'error' }, 9)).toStrictEqual({
      type: 'error',
      atMs: 9,
      message: 'The generator stopped unexpectedly.',
    });
  });

  it('takes what the reader parses as it is', () => {
    const items = parseSse('id: 1\nevent: tick\ndata: a\ndata: b\n\n');
    expect(items.map((item) => (item.kind === 'event' ? toStreamEvent(item, 1) : item))).toStrictEqual([
      { type: 'frame', atMs: 1, data: 'a\nb', id: '1', event: 'tick' },
    ]);
  });
});
