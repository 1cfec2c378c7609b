import { afterEach, describe, expect, it } from 'vitest';
import { processState } from '../process-state';
import { JOIN_MISSES_ALLOWED, JOIN_WINDOW_MS, countJoinMiss, joinRetryAfter } from './join-limit';

afterEach(() => processState().joinAttempts.clear());

describe('the join limit', () => {
  it('lets a client miss a code 30 times in five minutes, then makes it wait out the window', () => {
    const start = 1_000_000;
    for (let k = 0; k < JOIN_MISSES_ALLOWED; k++) {
      expect(joinRetryAfter('10.0.0.1', start + k)).toBeNull();
      countJoinMiss('10.0.0.1', start + k);
    }
    expect(joinRetryAfter('10.0.0.1', start + 1000)).toBe(Math.ceil((JOIN_WINDOW_MS - 1000) / 1000));
    expect(joinRetryAfter('10.0.0.2', start + 1000)).toBeNull(); // another client is not held up
    expect(joinRetryAfter('10.0.0.1', start + JOIN_WINDOW_MS)).toBeNull(); // a new window
  });

  it('counts only misses: a class behind one address joins a real room as often as it likes', () => {
    for (let k = 0; k < 500; k++) expect(joinRetryAfter('school-nat')).toBeNull();
    expect(processState().joinAttempts.size).toBe(0);
  });
});
