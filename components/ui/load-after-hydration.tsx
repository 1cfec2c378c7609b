'use client';

import { Suspense, lazy, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

const subscribeToNothing = () => () => {};

/**
 * A component whose code is fetched only once the page is hydrated, so it stays out of the
 * first-load JavaScript; until then (and on the server) `fallback` stands in. React's own
 * `lazy`, not `next/dynamic`: its runtime would add 2.5 kB to every page's first load.
 */
export function loadAfterHydration<Props extends object>(load: () => Promise<ComponentType<Props>>, fallback: ReactNode = null) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  /** `fallback` given when rendering stands in instead of the one given here (it may hold this render's handlers). */
  function AfterHydration({ fallback: standIn = fallback, ...props }: Props & { fallback?: ReactNode }) {
    // false on the server and while hydrating, true after: the HTML and the first render agree.
    const hydrated = useSyncExternalStore(
      subscribeToNothing,
      () => true,
      () => false,
    );
    if (!hydrated) return standIn;
    return (
      <Suspense fallback={standIn}>
        <Lazy {...(props as unknown as Props)} />
      </Suspense>
    );
  }
  return AfterHydration;
}
