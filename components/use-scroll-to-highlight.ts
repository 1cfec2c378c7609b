'use client';

import { useEffect, type RefObject } from 'react';

/** Scrolls the first highlighted cell inside `container` into view whenever the highlight changes. */
export function useScrollToHighlight(container: RefObject<HTMLElement | null>, highlight: unknown) {
  useEffect(() => {
    if (!highlight) return;
    const cell = container.current?.querySelector('[data-highlighted]');
    const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    cell?.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  }, [container, highlight]);
}
