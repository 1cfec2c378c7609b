/**
 * The server's clock as seen from the page, measured the way NTP does it. The page asks the
 * server for its time and notes when it asked (`sentAt`) and when the answer came
 * (`receivedAt`), both on its own clock. The server read its clock somewhere in between, so the
 * offset is best guessed at the midpoint, and is wrong by at most half the round trip; of several
 * samples, the one with the shortest round trip bounds it best.
 */
export interface ClockSample {
  /** The page's clock when it sent the request (ms since 1970). */
  sentAt: number;
  /** The page's clock when the answer arrived. */
  receivedAt: number;
  /** The server's `Date.now()` while answering: whole milliseconds, rounded down. */
  serverNow: number;
}

export interface ClockEstimate {
  /** server clock − page clock, in ms: add it to a time on the page's clock to get the server's. */
  offsetMs: number;
  /** The most the offset can be wrong by: half the best round trip, plus half a millisecond of the server's rounding. */
  uncertaintyMs: number;
  /** The best sample's round trip. */
  roundTripMs: number;
  samples: number;
}

/** The offset from the sample with the shortest round trip. Throws for no samples: the caller takes at least one. */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockEstimate {
  if (samples.length === 0) throw new RangeError('estimateClockOffset needs at least one sample');
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  const roundTripMs = best.receivedAt - best.sentAt;
  // `Date.now()` rounds down: the server's true time lay in [serverNow, serverNow + 1).
  const offsetMs = best.serverNow + 0.5 - (best.sentAt + best.receivedAt) / 2;
  return { offsetMs, uncertaintyMs: roundTripMs / 2 + 0.5, roundTripMs, samples: samples.length };
}

/** A time on the page's clock, on the server's. */
export const toServerTime = (clock: Pick<ClockEstimate, 'offsetMs'>, pageTime: number): number => pageTime + clock.offsetMs;
