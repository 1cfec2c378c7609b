import { describe, expect, it } from 'vitest';
import { BURST_WINDOW_MS, findBursts, visibleBytes } from './wire-log';

describe('visibleBytes', () => {
  it('draws every CR and LF as a mark of its own, and keeps the text between them whole', () => {
    expect(visibleBytes('data: Message 0\n\n')).toEqual([{ kind: 'text', text: 'data: Message 0' }, { kind: 'lf' }, { kind: 'lf' }]);
    expect(visibleBytes('a\r\nb\rc')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'cr' },
      { kind: 'lf' },
      { kind: 'text', text: 'b' },
      { kind: 'cr' },
      { kind: 'text', text: 'c' },
    ]);
  });

  it('keeps a chunk that ends mid-line, or holds nothing but line endings, as it is', () => {
    expect(visibleBytes('data: Mess')).toEqual([{ kind: 'text', text: 'data: Mess' }]);
    expect(visibleBytes('\n')).toEqual([{ kind: 'lf' }]);
    expect(visibleBytes('')).toEqual([]);
  });

  it('keeps characters beyond the BMP whole', () => {
    expect(visibleBytes('🎉\n')).toEqual([{ kind: 'text', text: '🎉' }, { kind: 'lf' }]);
  });
});

describe('findBursts', () => {
  it('finds nothing when frames arrive a delay apart', () => {
    expect(findBursts([0, 1000, 2001, 3000], 1000)).toEqual([]);
  });

  it('groups the frames that arrived together although they were yielded a delay apart', () => {
    // buffer=3 at delay 200: three frames in one read, then the next three.
    expect(findBursts([400, 400, 401, 1000, 1001, 1002], 200)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(findBursts([0, BURST_WINDOW_MS, BURST_WINDOW_MS + 1], 1000)).toEqual([[0, 1]]);
  });

  it('calls nothing a burst when the generator does not sleep: every frame is due at once', () => {
    expect(findBursts([0, 0, 0, 0], 0)).toEqual([]);
  });
});
