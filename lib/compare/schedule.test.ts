import { describe, expect, it } from 'vitest';
import { LONG_POLL_TIMEOUT_MS, lastReadyAt, longPollAnswerAt, messagesAfter, readyAt, readyCount, type Schedule } from './schedule';

const SEED: Schedule = { start: 10_000, n: 3, delayMs: 1000 };

describe('the schedule', () => {
  it('makes message i ready at start + i × d, reading "Message i"', () => {
    expect([0, 1, 2].map((i) => readyAt(SEED, i))).toEqual([10_000, 11_000, 12_000]);
    expect(lastReadyAt(SEED)).toBe(12_000);
    expect(messagesAfter(SEED, -1, 12_000)).toEqual([
      { i: 0, data: 'Message 0', readyAt: 10_000 },
      { i: 1, data: 'Message 1', readyAt: 11_000 },
      { i: 2, data: 'Message 2', readyAt: 12_000 },
    ]);
  });

  it('counts a message ready from its exact ready time, not a millisecond before', () => {
    expect(readyCount(SEED, 9_999)).toBe(0);
    expect(readyCount(SEED, 10_000)).toBe(1);
    expect(readyCount(SEED, 10_999)).toBe(1);
    expect(readyCount(SEED, 11_000)).toBe(2);
    expect(readyCount(SEED, 99_999)).toBe(3);
  });

  it('makes every message ready at start when d is 0', () => {
    const burst = { start: 500, n: 4, delayMs: 0 };
    expect(readyCount(burst, 499)).toBe(0);
    expect(messagesAfter(burst, -1, 500).map((m) => m.i)).toEqual([0, 1, 2, 3]);
  });
});

describe('a short poll', () => {
  it('returns every ready message after the one the client has, in order', () => {
    expect(messagesAfter(SEED, -1, 11_500).map((m) => m.i)).toEqual([0, 1]);
    expect(messagesAfter(SEED, 0, 11_500).map((m) => m.i)).toEqual([1]);
    expect(messagesAfter(SEED, 1, 12_000).map((m) => m.i)).toEqual([2]);
  });

  it('returns nothing before the next message is ready, and nothing once the client has them all', () => {
    expect(messagesAfter(SEED, -1, 9_000)).toEqual([]);
    expect(messagesAfter(SEED, 1, 11_999)).toEqual([]);
    expect(messagesAfter(SEED, 2, 50_000)).toEqual([]);
  });
});

describe('a long poll', () => {
  it('answers at once when something new is already ready', () => {
    expect(longPollAnswerAt(SEED, -1, 10_200)).toBe(10_200);
    expect(longPollAnswerAt(SEED, 0, 12_500)).toBe(12_500);
  });

  it('waits until the next message is ready', () => {
    expect(longPollAnswerAt(SEED, -1, 9_375)).toBe(10_000);
    expect(longPollAnswerAt(SEED, 0, 10_004)).toBe(11_000);
    expect(longPollAnswerAt(SEED, 1, 11_003)).toBe(12_000);
  });

  it('answers empty after the timeout when the next message is further away', () => {
    const slow: Schedule = { start: 0, n: 2, delayMs: 10_000 };
    expect(longPollAnswerAt(slow, 0, 1, 5_000)).toBe(5_001);
    expect(longPollAnswerAt({ start: 60_000, n: 1, delayMs: 0 }, -1, 0)).toBe(LONG_POLL_TIMEOUT_MS);
  });

  it('answers at once when the client already has every message', () => {
    expect(longPollAnswerAt(SEED, 2, 10_000)).toBe(10_000);
  });
});
