'use client';

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Below this many rows every row is rendered; a lesson-sized table never changes. */
export const VIRTUALIZE_FROM = 150;
const OVERSCAN = 12;
const FALLBACK_ROW_PX = 32;

/**
 * Which rows of a long table to put in the DOM: those in the scroll viewport plus a margin, with
 * the rest stood in for by two spacer heights. Follows the newest row while the viewport is at
 * the bottom (as a live log does) and stays put once the reader scrolls up.
 */
export function useVirtualRows(container: RefObject<HTMLElement | null>, count: number) {
  const enabled = count >= VIRTUALIZE_FROM;
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [rowPx, setRowPx] = useState(FALLBACK_ROW_PX);
  const following = useRef(true);

  const onScroll = useCallback(() => {
    const element = container.current;
    if (!element) return;
    setScrollTop(element.scrollTop);
    setViewport(element.clientHeight || 600);
    following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - rowPx * 2;
  }, [container, rowPx]);

  // Measure a real row once rows exist, so the spacers match what the browser lays out.
  useLayoutEffect(() => {
    if (!enabled) return;
    const row = container.current?.querySelector<HTMLElement>('tbody tr[data-step]');
    const measured = row?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowPx) > 0.5) setRowPx(measured);
  });

  // Keep the newest row in view while following the live end. Worked out from the row count, not
  // read back from layout, so the rows to render are known before the browser lays them out.
  useLayoutEffect(() => {
    const element = container.current;
    if (!enabled || !element || !following.current) return;
    const height = element.clientHeight || 600;
    const bottom = Math.max(0, count * rowPx - height + rowPx * 2);
    element.scrollTop = bottom;
    setScrollTop(bottom);
    setViewport(height);
  }, [enabled, count, container, rowPx]);

  if (!enabled) return { enabled, first: 0, last: count, before: 0, after: 0, onScroll };
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowPx) + OVERSCAN);
  return { enabled, first, last, before: first * rowPx, after: (count - last) * rowPx, onScroll };
}
