import { describe, expect, it } from 'vitest';
import { createBatcher } from './frame-batcher';

describe('createBatcher', () => {
  it('delivers everything pushed before a frame as one batch, once per frame', () => {
    const frames: Array<() => void> = [];
    const batches: number[][] = [];
    const batcher = createBatcher<number>(
      (batch) => batches.push(batch),
      (flush) => frames.push(flush),
    );
    [1, 2, 3].forEach((n) => batcher.push(n));
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('spreads a burst larger than the cap over several frames, in order', () => {
    const frames: Array<() => void> = [];
    const batches: number[][] = [];
    const batcher = createBatcher<number>(
      (batch) => batches.push(batch),
      (flush) => frames.push(flush),
      2,
    );
    [1, 2, 3, 4, 5].forEach((n) => batcher.push(n));
    while (frames.length > 0) frames.shift()!();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('counts only the items that are work toward the cap; the others ride along in order', () => {
    const frames: Array<() => void> = [];
    const batches: string[][] = [];
    const batcher = createBatcher<string>(
      (batch) => batches.push(batch),
      (flush) => frames.push(flush),
      2,
      (item) => item.startsWith('event'),
    );
    ['event 0', 'bytes 0', 'event 1', 'bytes 1', 'event 2', 'bytes 2'].forEach((item) => batcher.push(item));
    while (frames.length > 0) frames.shift()!();
    expect(batches).toEqual([
      ['event 0', 'bytes 0', 'event 1', 'bytes 1'],
      ['event 2', 'bytes 2'],
    ]);
  });

  it('flushAll delivers what is pending at once; cancel drops the rest', () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number>(
      (batch) => batches.push(batch),
      () => undefined,
      2,
    );
    [1, 2, 3].forEach((n) => batcher.push(n));
    batcher.flushAll();
    expect(batches.flat()).toEqual([1, 2, 3]);
    batcher.push(4);
    batcher.cancel();
    batcher.flushAll();
    expect(batches.flat()).toEqual([1, 2, 3]);
  });
});
