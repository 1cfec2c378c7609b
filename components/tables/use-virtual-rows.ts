'use client';

/*
 * WARNING: this hook keeps a DOM scroll box and React state in step, by hand, as a virtualizer
 * must: it reads layout after a render (a second render then happens before paint) and writes
 * `scrollTop` on the box it is given. The React Compiler's rules below cannot follow that and
 * are off here only; React's rules of hooks (and their dependency lists) still hold.
 */
/* eslint-disable react-hooks/set-state-in-effect, react-hooks/immutability, react-hooks/preserve-manual-memoization */

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { keepInView } from '../ui/use-keep-in-view';

/** Below this many rows every row is rendered; a lesson-sized table never changes. */
export const VIRTUALIZE_FROM = 150;
const OVERSCAN = 12;
const FALLBACK_ROW_PX = 32;
const FALLBACK_VIEWPORT_PX = 480;

/**
 * The rows of a long table to put in the DOM, and the current row kept in view.
 *
 * The table scrolls inside its own box (its height is capped in CSS), so a run never grows the
 * page. Long tables render only the rows in the box plus a margin, with two spacers standing in
 * for the rest. Whenever the current row moves (a new frame at the live end, or the replay
 * cursor) the box scrolls just enough to show it, and to its very end when it is the last row,
 * so the closing note shows too. A reader who scrolls the box away from the current row during
 * a run is left alone until the row is back in view or the cursor is moved.
 */
export function useVirtualRows(
  container: RefObject<HTMLElement | null>,
  count: number,
  currentIndex: number | null,
  /** The replay cursor (null at the live end): when it moves, the reader asked to see that row. */
  cursor: number | null,
) {
  const enabled = count >= VIRTUALIZE_FROM;
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT_PX);
  const [rowPx, setRowPx] = useState(FALLBACK_ROW_PX);
  const following = useRef(true);
  /** Set while we move the box ourselves, so that scroll is not taken for the reader's. */
  const scrolling = useRef(false);

  const onScroll = useCallback(() => {
    const element = container.current;
    if (!element) return;
    setScrollTop(element.scrollTop);
    setViewport(element.clientHeight || FALLBACK_VIEWPORT_PX);
    if (scrolling.current) {
      scrolling.current = false;
      return;
    }
    following.current = currentRowVisible(element);
  }, [container]);

  // Measure a real row once the table turns virtual, and again when the window is resized, so the
  // spacers match what the browser lays out. Not on every new row: reading a row's size right after
  // React wrote the DOM forces a layout of the page, once per commit during a 10,000-frame run.
  const [resized, setResized] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const onResize = () => setResized((times) => times + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [enabled]);
  useLayoutEffect(() => {
    if (!enabled) return;
    const row = container.current?.querySelector<HTMLElement>('tbody tr[data-step]');
    const measured = row?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowPx) > 0.5) setRowPx(measured);
  }, [container, enabled, resized, rowPx]);

  // A moved cursor, or a new run, is the reader's own doing: follow the current row again.
  // (Declared before the effect that scrolls, so it runs first in the same commit.)
  const seen = useRef({ cursor, count });
  useLayoutEffect(() => {
    if (cursor !== seen.current.cursor || count < seen.current.count) following.current = true;
    seen.current = { cursor, count };
  }, [cursor, count]);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element || currentIndex === null || !following.current) return;
    const before = element.scrollTop;
    const header = element.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const isLast = currentIndex >= count - 1;
    if (enabled) {
      // Worked out from the row count, not read back from layout: the rows to render are known
      // before the browser lays them out.
      const top = header + currentIndex * rowPx;
      const bottom = top + rowPx;
      if (isLast)
        element.scrollTop = Math.max(element.scrollHeight, bottom); // the browser stops at the end
      else if (top - header < element.scrollTop) element.scrollTop = top - header;
      else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
    } else if (isLast) {
      element.scrollTop = element.scrollHeight; // the last row, and the note or placeholder after it
    } else {
      const row = element.querySelector<HTMLElement>('tbody tr[aria-current="step"]');
      if (row) keepInView(element, row, { coveredTop: header });
    }
    if (element.scrollTop !== before) {
      scrolling.current = true;
      setScrollTop(element.scrollTop);
    }
    setViewport(element.clientHeight || FALLBACK_VIEWPORT_PX);
  }, [container, currentIndex, count, enabled, rowPx]);

  /** Scrolls the box to a row that may not be rendered yet (a hint pointing at an early step). */
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = container.current;
      if (!element || !enabled) return;
      following.current = false;
      scrolling.current = true;
      element.scrollTop = Math.max(0, index * rowPx - rowPx);
      setScrollTop(element.scrollTop);
    },
    [container, enabled, rowPx],
  );

  if (!enabled) return { enabled, first: 0, last: count, before: 0, after: 0, onScroll, scrollToIndex };
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowPx) + OVERSCAN);
  return { enabled, first, last, before: first * rowPx, after: (count - last) * rowPx, onScroll, scrollToIndex };
}

/** Whether the table's current row is (at least partly) inside its box, or not rendered at all. */
function currentRowVisible(element: HTMLElement): boolean {
  const row = element.querySelector('tbody tr[aria-current="step"]');
  if (!row) return false;
  const box = element.getBoundingClientRect();
  const item = row.getBoundingClientRect();
  return item.bottom > box.top && item.top < box.bottom;
}
