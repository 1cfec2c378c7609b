import 'server-only';
/**
 * What keeps the generator's `time.sleep`: a timer (the seed's behaviour) or a presenter's Step.
 */
export interface Pacer {
  /** Resolves when the sleep is over; rejects with `PacerExpired` if it never will be. */
  wait(ms: number): Promise<void>;
  /** Clears every timer and ends a pending wait at once: it rejects with `PacerDisposed`. */
  dispose(): void;
}

/** Thrown into a waiting generator when its pacer gives up; the message is for the person watching. */
export class PacerExpired extends Error {}

/** Thrown into a waiting generator when its stream has ended (the client went, or it was stopped). */
export class PacerDisposed extends Error {}

/**
 * Sleeps for real: `setTimeout`, cleared on dispose. A sleep of 0 yields to the event loop once
 * (`setImmediate`) instead, as Python's `time.sleep(0)` does: a timer would round it up to 1 ms
 * and make 10,000 frames take 10 s.
 */
export function createTimerPacer(): Pacer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let immediate: ReturnType<typeof setImmediate> | undefined;
  let rejectPending: ((error: Error) => void) | undefined;
  return {
    wait: (ms) =>
      new Promise((resolve, reject) => {
        rejectPending = reject;
        const wake = () => {
          timer = immediate = rejectPending = undefined;
          resolve();
        };
        if (ms <= 0) immediate = setImmediate(wake);
        else timer = setTimeout(wake, ms);
      }),
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      if (immediate !== undefined) clearImmediate(immediate);
      rejectPending?.(new PacerDisposed());
      timer = immediate = rejectPending = undefined;
    },
  };
}

/** How long a step-mode stream waits for a presenter before it closes itself. */
export const STEP_IDLE_MS = 10 * 60 * 1000;

export interface StepPacer extends Pacer {
  /** Lets the generator past one sleep: now if it is waiting, else at its next sleep. */
  advance(): void;
}

/**
 * Predict mode's pacer: each sleep runs for real (the seed's `time.sleep`), then the generator is
 * held until `advance()` — the student's Reveal — as step mode holds it. A Reveal during the sleep
 * is kept, so the frame leaves as soon as the sleep ends.
 */
export function createPredictPacer(idleMs = STEP_IDLE_MS): StepPacer {
  const timer = createTimerPacer();
  const hold = createStepPacer(idleMs);
  return {
    wait: (ms) => (ms > 0 ? timer.wait(ms) : Promise.resolve()).then(() => hold.wait(0)),
    advance: () => hold.advance(),
    dispose: () => {
      timer.dispose();
      hold.dispose();
    },
  };
}

/**
 * Holds the generator at every sleep until `advance()`. Advances are counted, so two quick Steps
 * give two frames even if the second comes before the generator reaches its next sleep. Without
 * an advance for `idleMs`, the pending (or next) wait fails with `PacerExpired`.
 */
export function createStepPacer(idleMs = STEP_IDLE_MS): StepPacer {
  let credits = 0;
  let expired = false;
  let pending: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const expiredError = () => new PacerExpired(`Step mode closed the stream after ${Math.round(idleMs / 60_000)} minutes without a Step.`);

  function armIdleTimer() {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      expired = true;
      pending?.reject(expiredError());
      pending = null;
    }, idleMs);
  }
  armIdleTimer();

  return {
    wait: () => {
      if (expired) return Promise.reject(expiredError());
      if (credits > 0) {
        credits -= 1;
        return Promise.resolve();
      }
      return new Promise((resolve, reject) => (pending = { resolve, reject }));
    },
    advance: () => {
      if (expired) return;
      armIdleTimer();
      if (pending) {
        pending.resolve();
        pending = null;
      } else credits += 1;
    },
    dispose: () => {
      if (idleTimer !== undefined) clearTimeout(idleTimer);
      idleTimer = undefined;
      pending?.reject(new PacerDisposed());
      pending = null;
    },
  };
}
