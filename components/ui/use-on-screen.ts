'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is on screen (any part of it in the viewport). True until the observer
 * says otherwise, and always where there is no IntersectionObserver, so nothing is ever hidden
 * for lack of one.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}
