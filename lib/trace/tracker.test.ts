import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedTrace } from './expected';
import { variableTracker, variableTrackerWindow } from './tracker';

describe('variableTrackerWindow', () => {
  it('is the whole tracker when every column fits', () => {
    const trace = expectedTrace(DEFAULT_PARAMS);
    expect(variableTrackerWindow(trace, 3, 57)).toEqual({ columns: variableTracker(trace), hidden: 0 });
  });

  it.each([61, 500, 10_000])('equals the first and last columns of the whole tracker for %i frames, counting those between', (n) => {
    const trace = expectedTrace({ ...DEFAULT_PARAMS, n, delayMs: 0 });
    const all = variableTracker(trace);
    const { columns, hidden } = variableTrackerWindow(trace, 3, 57);
    expect(columns).toEqual([...all.slice(0, 3), ...all.slice(-57)]);
    expect(hidden).toBe(all.length - 60);
  });
});
