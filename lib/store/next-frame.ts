/** Runs a callback before the next repaint; `requestAnimationFrame` where there is one. */
export type ScheduleFlush = (flush: () => void) => void;

export const nextAnimationFrame: ScheduleFlush = (flush) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
};
