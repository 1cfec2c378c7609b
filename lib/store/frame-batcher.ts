/** Runs a callback before the next repaint; `requestAnimationFrame` where there is one. */
export type ScheduleFlush = (flush: () => void) => void;

export const nextAnimationFrame: ScheduleFlush = (flush) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
};

/**
 * Collects items and hands them on in one batch per scheduled flush, so a burst of 1000 frames at
 * delay 0 becomes a few store updates (one per animation frame) instead of 1000 renders.
 */
export function createBatcher<T>(deliver: (batch: T[]) => void, schedule: ScheduleFlush = nextAnimationFrame) {
  let pending: T[] = [];
  let scheduled = false;
  let cancelled = false;

  const flush = () => {
    scheduled = false;
    if (cancelled || pending.length === 0) return;
    const batch = pending;
    pending = [];
    deliver(batch);
  };

  return {
    push(item: T) {
      if (cancelled) return;
      pending.push(item);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    /** Delivers what is pending now, without waiting for the next frame. */
    flush,
    /** Drops what is pending; nothing is delivered after this. */
    cancel() {
      cancelled = true;
      pending = [];
    },
  };
}
