'use client';

import { useEffect, useState } from 'react';

/**
 * Milliseconds left of a wait of `durationMs` that began when `startKey` last changed, updated
 * ten times a second; null when there is nothing to count down.
 */
export function useCountdown(startKey: unknown, durationMs: number | null): number | null {
  const [elapsed, setElapsed] = useState<{ key: unknown; ms: number } | null>(null);
  const counting = durationMs !== null && durationMs > 0;
  useEffect(() => {
    if (!counting) return;
    const startedAt = performance.now();
    const interval = setInterval(() => setElapsed({ key: startKey, ms: performance.now() - startedAt }), 100);
    return () => clearInterval(interval);
  }, [startKey, counting]);
  if (!counting) return null;
  // Until the first tick of this wait, none of it has passed.
  const passed = elapsed !== null && elapsed.key === startKey ? elapsed.ms : 0;
  return Math.max(0, durationMs - passed);
}
