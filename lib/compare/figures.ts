import type { Lane } from './lanes';

/** What the page measured for one lane, once it has shown every message. */
export interface LaneFigures {
  lane: Lane;
  /** Requests the lane sent. */
  requests: number;
  /** Request and response heads (start line and header fields), both directions. */
  headerBytes: number;
  /** Response bodies as they arrived (before any decompression). */
  bodyBytes: number;
  /** For each message, from ready on the server to shown on the page, in ms. */
  latenciesMs: readonly number[];
}

export const totalBytes = (figures: Pick<LaneFigures, 'headerBytes' | 'bodyBytes'>) => figures.headerBytes + figures.bodyBytes;

export interface LatencySummary {
  meanMs: number;
  maxMs: number;
}

/** Mean and worst latency; null before any message was shown. */
export function summarizeLatency(latenciesMs: readonly number[]): LatencySummary | null {
  if (latenciesMs.length === 0) return null;
  const sum = latenciesMs.reduce((total, ms) => total + ms, 0);
  return { meanMs: sum / latenciesMs.length, maxMs: Math.max(...latenciesMs) };
}

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UP_TO_THREE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** "950 B", "11.6 kB" (1 kB = 1000 bytes, as network tools count). */
export const formatBytes = (bytes: number): string =>
  bytes < 1000 ? `${WHOLE.format(bytes)} B` : `${ONE_DECIMAL.format(bytes / 1000)} kB`;

/** Whole milliseconds, never "-0 ms". */
export const formatMs = (ms: number): string => `${WHOLE.format(Math.round(ms) || 0)} ms`;

/** "1 s", "0.25 s". */
export const formatSeconds = (ms: number): string => `${UP_TO_THREE.format(ms / 1000)} s`;

/** "1 request", "12 requests". */
export const formatRequests = (count: number): string => `${WHOLE.format(count)} ${count === 1 ? 'request' : 'requests'}`;

/** "10.4×". */
export const formatRatio = (ratio: number): string => `${ONE_DECIMAL.format(ratio)}×`;

/** Every byte, with separators: "3,862 B". */
export const formatExactBytes = (bytes: number): string => `${WHOLE.format(bytes)} B`;
