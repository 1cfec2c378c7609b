import { describe, expect, it } from 'vitest';
import { limitReached, limitSentence, RUN_LIMITS, type RunUsage } from './run-limits';

const SEED_RUN: RunUsage = { frames: 3, outputBytes: 51, tracedLines: 12, durationMs: 3000 };

describe('run limits', () => {
  it('hold the four limits issue 20 names', () => {
    expect(RUN_LIMITS).toEqual({ frames: 10_000, outputBytes: 1_048_576, tracedLines: 100_000, durationMs: 600_000 });
  });

  it("leave the seed's run, and a run exactly at every limit, going", () => {
    expect(limitReached(SEED_RUN)).toBeNull();
    expect(limitReached({ ...RUN_LIMITS })).toBeNull();
  });

  it('name the limit a run goes past, the first in order when it passes several', () => {
    expect(limitReached({ ...SEED_RUN, frames: 10_001 })).toBe('frames');
    expect(limitReached({ ...SEED_RUN, outputBytes: 1_048_577 })).toBe('outputBytes');
    expect(limitReached({ ...SEED_RUN, tracedLines: 100_001 })).toBe('tracedLines');
    expect(limitReached({ ...SEED_RUN, durationMs: 600_001 })).toBe('durationMs');
    expect(limitReached({ frames: 20_000, outputBytes: 2e6, tracedLines: 2e5, durationMs: 7e5 })).toBe('frames');
  });

  it('say which limit stopped the run, with its value', () => {
    expect(limitSentence('frames')).toMatch(/^Stopped after 10,000 yields/);
    expect(limitSentence('outputBytes')).toMatch(/^Stopped after 1 MB on the wire/);
    expect(limitSentence('tracedLines')).toMatch(/^Stopped after 100,000 lines of your code ran.*loop that runs without yielding/);
    expect(limitSentence('durationMs')).toBe('Stopped after 10 minutes, the longest one run may take.');
    expect(limitSentence('frames', { ...RUN_LIMITS, frames: 50 })).toMatch(/^Stopped after 50 yields/);
  });
});
