'use client';

import { useLayoutEffect, useRef, type RefObject } from 'react';
import { keepInView } from '../ui/use-keep-in-view';

/**
 * Scrolls the table's own box, on both axes, to its first highlighted cell when the highlight
 * changes. Only the box moves: the page (and a page around an embed) stays where the reader is,
 * so the question that asked for the hint stays on screen. In a long table the cell may not be
 * rendered yet; it is brought into view once it is (`renderedFrom` says the rows changed), and
 * then left alone, so the reader can scroll the box away.
 */
export function useScrollToHighlight(container: RefObject<HTMLElement | null>, highlight: unknown, renderedFrom: number = 0) {
  const pending = useRef<unknown>(null);
  useLayoutEffect(() => {
    pending.current = highlight;
  }, [highlight]);
  useLayoutEffect(() => {
    if (!pending.current) return;
    const box = container.current;
    const cell = box?.querySelector<HTMLElement>('[data-highlighted]');
    if (!box || !cell) return;
    const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    keepInView(box, cell, { axis: 'both', coveredTop: header });
    pending.current = null;
  }, [container, highlight, renderedFrom]);
}
