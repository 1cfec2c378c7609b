'use client';

import { useSyncExternalStore } from 'react';

/**
 * A hook for a module the page needs soon but not for its first paint: null on the server and
 * while hydrating, then null until the module has arrived (it starts loading when the first
 * component asks), then the module. Out of the first-load JavaScript, like `loadAfterHydration`,
 * for code a component calls rather than renders.
 */
export function lazyModule<T>(load: () => Promise<T>): () => T | null {
  let loaded: T | null = null;
  let requested = false;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    if (!requested) {
      requested = true;
      void load().then((module) => {
        loaded = module;
        for (const notify of listeners) notify();
      });
    }
    return () => void listeners.delete(listener);
  };
  return function useLazyModule() {
    return useSyncExternalStore(
      subscribe,
      () => loaded,
      () => null,
    );
  };
}
