'use client';

import { Suspense, lazy, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';

/**
 * How far below the viewport a section starts loading: enough that scrolling or tabbing down
 * meets it loaded, small enough that a section a screen away waits until someone goes there.
 */
export const NEAR_MARGIN = '0px 0px 120px 0px';

/**
 * A component whose code is fetched only when its place on the page comes near the viewport
 * (scrolled to, tabbed to, or a link into it), so a student who never goes there never downloads
 * it. Until then, and on the server, `fallback` stands in, inside a placeholder the observer
 * watches. Where there is no IntersectionObserver (jsdom) it loads at once, so nothing is ever
 * missing for lack of one.
 */
export function loadWhenNear<Props extends object>(load: () => Promise<ComponentType<Props>>, fallback: ReactNode) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function WhenNear(props: Props) {
    const placeholder = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    useEffect(() => {
      const element = placeholder.current;
      if (near || !element) return;
      if (typeof IntersectionObserver === 'undefined') return setNear(true);
      const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), {
        rootMargin: NEAR_MARGIN,
      });
      observer.observe(element);
      return () => observer.disconnect();
    }, [near]);
    if (!near) return <div ref={placeholder}>{fallback}</div>;
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return WhenNear;
}
