import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { clampCursor, cursorBack, cursorForward, playbackDelayMs, stepPosition, traceAtCursor } from './cursor';
import { expectedTrace } from './expected';

const trace = expectedTrace(DEFAULT_PARAMS); // five rows: start, three yields, end

describe('replay cursor', () => {
  it('shows every row at the live end and says Step 5 of 5', () => {
    expect(stepPosition(trace, null)).toEqual({ shown: 5, total: 5 });
    expect(traceAtCursor(trace, null)).toBe(trace);
  });

  it('shows the trace as it was at a step: rows cut, not finished', () => {
    const atThree = traceAtCursor(trace, 3);
    expect(atThree.rows.map((row) => row.step)).toEqual([1, 2, 3]);
    expect(atThree.finished).toBe(false);
    expect(stepPosition(trace, 3)).toEqual({ shown: 3, total: 5 });
  });

  it('clamps cursors to the rows there are', () => {
    expect(clampCursor(0, 5)).toBe(1);
    expect(clampCursor(99, 5)).toBe(5);
    expect(clampCursor(2.6, 5)).toBe(3);
    expect(clampCursor(null, 5)).toBeNull();
    expect(clampCursor(3, 0)).toBe(0);
  });

  it('steps back to the first row and no further', () => {
    expect(cursorBack(trace, null)).toBe(4);
    expect(cursorBack(trace, 2)).toBe(1);
    expect(cursorBack(trace, 1)).toBe(1);
  });

  it('steps forward, and follows the live end again on reaching the last row', () => {
    expect(cursorForward(trace, 1)).toBe(2);
    expect(cursorForward(trace, 4)).toBeNull();
    expect(cursorForward(trace, null)).toBeNull();
  });

  it('plays back with the recorded spacing at the chosen speed', () => {
    expect(playbackDelayMs(trace, 2, 1)).toBe(1000);
    expect(playbackDelayMs(trace, 2, 2)).toBe(500);
    expect(playbackDelayMs(trace, 2, 0.5)).toBe(2000);
    expect(playbackDelayMs(trace, 1, 1)).toBe(0);
    expect(playbackDelayMs(trace, null, 1)).toBeNull();
  });
});
