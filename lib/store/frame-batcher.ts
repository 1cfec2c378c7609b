import { nextAnimationFrame, type ScheduleFlush } from './next-frame';

/**
 * The most items handed on in one flush, so no single frame's work grows with the burst. A
 * flush's cost is mostly fixed (every panel renders once, the page is laid out once), the part
 * per frame is a few microseconds: 500 made 10,000 frames at delay 0 take 20 animation frames at
 * least; 2000 takes five, each still a short task.
 */
export const MAX_BATCH = 2000;

/**
 * Collects items and hands them on in one batch per scheduled flush, so a burst of 1000 frames at
 * delay 0 becomes a few store updates (one per animation frame) instead of 1000 renders. A burst
 * larger than `maxBatch` is spread over several frames, keeping each frame's task short. Only the
 * items `counts` says are work count toward `maxBatch`; the others ride along with them (a
 * frame's bytes for the wire panel with the frame itself).
 */
export function createBatcher<T>(
  deliver: (batch: T[]) => void,
  schedule: ScheduleFlush = nextAnimationFrame,
  maxBatch = MAX_BATCH,
  counts: (item: T) => boolean = () => true,
) {
  let pending: T[] = [];
  let scheduled = false;
  let cancelled = false;

  /** How many pending items the next batch takes: up to, not including, the one past `maxBatch` counted items. */
  const batchLength = () => {
    let counted = 0;
    for (let k = 0; k < pending.length; k++) if (counts(pending[k]!) && ++counted > maxBatch) return k;
    return pending.length;
  };

  const flush = () => {
    scheduled = false;
    if (cancelled || pending.length === 0) return;
    const length = batchLength();
    const batch = length < pending.length ? pending.splice(0, length) : pending;
    if (batch === pending) pending = [];
    deliver(batch);
    if (pending.length > 0 && !scheduled && !cancelled) {
      scheduled = true;
      schedule(flush);
    }
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
    /** Delivers everything pending now, without waiting for the next frame. */
    flushAll() {
      while (!cancelled && pending.length > 0) flush();
    },
    /** Drops what is pending; nothing is delivered after this. */
    cancel() {
      cancelled = true;
      pending = [];
    },
  };
}
