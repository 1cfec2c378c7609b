'use client';

import { useEffect, useState } from 'react';

/**
 * Milliseconds left of a wait of `durationMs` that began when `startKey` last changed, updated
 * ten times a second; null when there is nothing to count down.
 */
export function useCountdown(startKey: unknown, durationMs: number | null): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (durationMs === null || durationMs <= 0) {
      setLeft(null);
      return;
    }
    const startedAt = performance.now();
    const tick = () => setLeft(Math.max(0, durationMs - (performance.now() - startedAt)));
    tick();
    const interval = setInterval(tick, 100);
    return () => clearInterval(interval);
  }, [startKey, durationMs]);
  return left;
}
