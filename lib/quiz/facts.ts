import { expectedTrace } from '@/lib/trace/expected';
import type { ExecutionRow, Trace } from '@/lib/trace/types';
import type { StreamParams } from '@/lib/stream/params';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "second", "eleventh"→"11th": words for the small ones, as the seed writes them. */
export function ordinal(k: number): string {
  const word = ORDINALS[k - 1];
  if (word) return word;
  const tens = k % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
}

/** Seconds without float noise: 0.1 × 3 is "0.3". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export const yieldRows = (trace: Trace): ExecutionRow[] => trace.rows.filter((row) => row.kind === 'yield');

/** The step at which the Connection State first reads Closed. */
export function closeStep(trace: Trace): number {
  const row = trace.rows.find((candidate) => candidate.connection === 'Closed');
  if (!row) throw new Error('The quiz needs a trace that has closed');
  return row.step;
}

/** The trace the lesson predicts if one parameter changed: the counterfactuals' ground truth. */
export function traceWith(trace: Trace, change: Partial<StreamParams>): Trace {
  return expectedTrace({ ...trace.params, ...change });
}
