'use client';

import { useEffect, useState } from 'react';
import type { CodePosition } from '@/lib/code/flask-slots';
import { selectDisplayedTrace, selectLessonView, selectStatusOnShow } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';

/** How long the yield line stays lit before the sleep line takes over. */
const YIELD_GLOW_MS = 300;

/**
 * Which line of the generator is executing at the cursor: the model gives the step (request,
 * start, yield, end); the sleep that follows a yield is timed here, because timing belongs to the
 * view. A prediction lights a line only when a link points at one of its steps.
 */
export function useCodePosition(): CodePosition | null {
  const status = useLessonStore(selectStatusOnShow);
  const view = useLessonStore(selectLessonView);
  const pointed = useLessonStore((state) => state.cursor !== null);
  const lastRow = useLessonStore((state) => selectDisplayedTrace(state).rows.at(-1) ?? null);
  const [sleepingAfterStep, setSleepingAfterStep] = useState<number | null>(null);

  const sleepSeconds = lastRow?.kind === 'yield' ? lastRow.sleepSeconds : 0;
  const sleeps = sleepSeconds === null || (sleepSeconds ?? 0) > 0;
  useEffect(() => {
    if (!sleeps || !lastRow) return;
    const step = lastRow.step;
    const glow = sleepSeconds === null ? YIELD_GLOW_MS : Math.min(YIELD_GLOW_MS, sleepSeconds * 500);
    const timer = setTimeout(() => setSleepingAfterStep(step), glow);
    return () => clearTimeout(timer);
  }, [sleeps, sleepSeconds, lastRow]);

  if (view === 'live' && status === 'connecting') return 'request';
  if (!lastRow || (view === 'prediction' && !pointed)) return null;
  switch (lastRow.kind) {
    case 'start':
      return 'start';
    case 'reopen':
      return 'request'; // a new request arrives: the view runs again
    case 'no-content':
      return 'noContent';
    case 'yield':
      if (/^event: /m.test(lastRow.frame ?? '')) return 'endEvent';
      // Live, the sleep line lights only while the connection is open (not after a Stop).
      return sleeps && sleepingAfterStep === lastRow.step && (view !== 'live' || status === 'open') ? 'sleep' : 'yield';
    case 'end':
      return 'end';
    default:
      return null;
  }
}
