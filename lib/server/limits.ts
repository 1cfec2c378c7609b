import 'server-only';

/**
 * Limits on streams, set by environment variables (0 means no cap). Read per request from
 * `process.env`, but parsed only when a value changes, so tests and operators can adjust them.
 */
export interface StreamLimits {
  /** Concurrent streams per client address: `STEPSTREAM_MAX_STREAMS_PER_CLIENT` (default 50). */
  perClient: number;
  /** Concurrent streams in this process: `STEPSTREAM_MAX_STREAMS` (default 20,000). */
  total: number;
  /** Longest a stream may stay open, in ms: `STEPSTREAM_MAX_STREAM_SECONDS` (default 3600). */
  lifetimeMs: number;
}

export const LIMIT_VARIABLES = {
  perClient: { name: 'STEPSTREAM_MAX_STREAMS_PER_CLIENT', fallback: 50, scale: 1 },
  total: { name: 'STEPSTREAM_MAX_STREAMS', fallback: 20_000, scale: 1 },
  lifetimeMs: { name: 'STEPSTREAM_MAX_STREAM_SECONDS', fallback: 3600, scale: 1000 },
} as const;

/** A non-negative whole number, or the fallback for anything else (a typo must not lift a cap). */
function wholeNumber(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : fallback;
}

let cache: { key: string; limits: StreamLimits } | null = null;

/** The limits in force, from the environment. `Infinity` stands for "no cap". */
export function currentLimits(env: Record<string, string | undefined> = process.env): StreamLimits {
  const raw = Object.values(LIMIT_VARIABLES).map(({ name }) => env[name] ?? '');
  const key = raw.join('\0');
  if (cache?.key === key) return cache.limits;
  const read = (which: keyof typeof LIMIT_VARIABLES) => {
    const { name, fallback, scale } = LIMIT_VARIABLES[which];
    const value = wholeNumber(env[name], fallback);
    return value === 0 ? Number.POSITIVE_INFINITY : value * scale;
  };
  cache = { key, limits: { perClient: read('perClient'), total: read('total'), lifetimeMs: read('lifetimeMs') } };
  return cache.limits;
}
