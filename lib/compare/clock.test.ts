import { describe, expect, it } from 'vitest';
import { estimateClockOffset, toServerTime } from './clock';

describe('the clock offset', () => {
  it('puts the server reading at the midpoint of the round trip', () => {
    // Sent at 1000, answered at 1010 on the page; the server read 5004.x, so its clock is 3999.5 ahead ± 5.5 ms.
    const estimate = estimateClockOffset([{ sentAt: 1000, receivedAt: 1010, serverNow: 5004 }]);
    expect(estimate).toEqual({ offsetMs: 3999.5, uncertaintyMs: 5.5, roundTripMs: 10, samples: 1 });
    expect(toServerTime(estimate, 2000)).toBe(5999.5);
  });

  it('believes the sample with the shortest round trip', () => {
    const estimate = estimateClockOffset([
      { sentAt: 0, receivedAt: 40, serverNow: 100 },
      { sentAt: 100, receivedAt: 102, serverNow: 150 },
      { sentAt: 200, receivedAt: 230, serverNow: 230 },
    ]);
    expect(estimate.roundTripMs).toBe(2);
    expect(estimate.offsetMs).toBe(49.5);
    expect(estimate.samples).toBe(3);
  });

  it('bounds the truth: any server time inside the round trip lies within the uncertainty', () => {
    const sentAt = 1000;
    const receivedAt = 1020;
    const trueOffset = 300;
    for (const readAt of [sentAt, 1007.3, receivedAt - 0.001]) {
      const estimate = estimateClockOffset([{ sentAt, receivedAt, serverNow: Math.floor(readAt + trueOffset) }]);
      expect(Math.abs(estimate.offsetMs - trueOffset)).toBeLessThanOrEqual(estimate.uncertaintyMs);
    }
  });

  it('refuses to guess from no samples', () => {
    expect(() => estimateClockOffset([])).toThrow(RangeError);
  });
});
