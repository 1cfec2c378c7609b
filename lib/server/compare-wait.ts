import 'server-only';

/**
 * Waits `ms` (at least 1), or less if `signal` aborts first; never rejects. Resolves `true` when
 * the time ran out, `false` when it was cut short. Its timer is cleared either way.
 */
export function waitFor(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ranOut: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(ranOut);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), Math.max(1, ms));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
