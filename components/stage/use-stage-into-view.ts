'use client';

import { useEffect, type RefObject } from 'react';
import { useLessonStoreApi } from '../lesson/lesson-store-provider';

/** The parts of the stage that must be on screen while a run plays: the code and the table. */
const STAGE_PARTS = '[data-stage-part]';

/** Whether every stage part is on screen, below the sticky bar (whose bottom is `top`). */
function stageInView(top: number): boolean {
  const parts = [...document.querySelectorAll<HTMLElement>(STAGE_PARTS)].filter((part) => part.offsetParent !== null);
  return parts.every((part) => {
    const box = part.getBoundingClientRect();
    return box.top >= top - 1 && box.bottom <= window.innerHeight + 1;
  });
}

/**
 * Where the sticky bar sits when nothing is scrolled past it: just under what comes before it.
 * (Its own position is no use once it sticks.)
 */
function barHomeTop(bar: HTMLElement): number {
  const before = bar.previousElementSibling?.getBoundingClientRect();
  const gap = parseFloat(getComputedStyle(bar.parentElement ?? bar).rowGap) || 0;
  return before && before.height > 0 ? before.bottom + window.scrollY + gap : 0;
}

/**
 * When a run starts, brings the stage on screen if the code or the table is out of sight: the
 * page scrolls once, so that the bar sits at the top with the stage under it. It never scrolls
 * while the run plays (the table and the code keep their own current line in view).
 */
export function useStageIntoView(barRef: RefObject<HTMLElement | null>) {
  const store = useLessonStoreApi();
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.status !== 'connecting' || previous.status === 'connecting') return;
        const bar = barRef.current;
        if (!bar) return;
        // Measured now, before React draws the empty table: the prediction on show has the same
        // parameters, so its box is as tall as the run's will be.
        if (stageInView(bar.getBoundingClientRect().bottom)) return;
        const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        requestAnimationFrame(() => window.scrollTo({ top: barHomeTop(bar), behavior: smooth ? 'smooth' : 'auto' }));
      }),
    [store, barRef],
  );
}
