/**
 * The limits of a run of a student's generator (issue 20): past any of them the runner stops the
 * generator and the page says which, in a sentence. They keep an endless or runaway program from
 * freezing the page or filling the student's memory; the seed's lesson is far below all four.
 */
export const RUN_LIMITS = {
  /** Values yielded. */
  frames: 10_000,
  /** Bytes put on the wire. */
  outputBytes: 1024 * 1024,
  /** Lines of the student's code run, as `sys.settrace` counts them. */
  tracedLines: 100_000,
  /** Wall-clock time from the request, sleeps included. */
  durationMs: 10 * 60 * 1000,
} as const;

/** What a run has used so far. */
export interface RunUsage {
  frames: number;
  outputBytes: number;
  tracedLines: number;
  durationMs: number;
}

export type RunLimit = keyof typeof RUN_LIMITS;

/** The first limit the run has gone past, in the order above, or null while it is within all of them. */
export function limitReached(usage: RunUsage, limits: Readonly<Record<RunLimit, number>> = RUN_LIMITS): RunLimit | null {
  const over = (Object.keys(limits) as RunLimit[]).find((limit) => usage[limit] > limits[limit]);
  return over ?? null;
}

/** Why the run stopped, for the Stop row and the page: which limit, and what to do about it. */
export function limitSentence(limit: RunLimit, limits: Readonly<Record<RunLimit, number>> = RUN_LIMITS): string {
  const value = limits[limit];
  switch (limit) {
    case 'frames':
      return `Stopped after ${value.toLocaleString('en')} yields, the most one run may send. A stream that should go on for ever needs no more to show how it works.`;
    case 'outputBytes':
      return `Stopped after ${value / (1024 * 1024)} MB on the wire, the most one run may send. Are the frames much larger than they need to be?`;
    case 'tracedLines':
      return `Stopped after ${value.toLocaleString('en')} lines of your code ran, the most one run may trace. Is there a loop that runs without yielding?`;
    case 'durationMs':
      return `Stopped after ${value / 60_000} minutes, the longest one run may take.`;
  }
}
