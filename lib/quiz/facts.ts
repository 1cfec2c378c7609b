import { expectedTrace } from '@/lib/trace/expected';
import { variableTracker } from '@/lib/trace/tracker';
import type { ExecutionRow, Trace } from '@/lib/trace/types';
import type { StreamParams } from '@/lib/contract/params';

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

const predictions = new Map<string, Trace>();

/**
 * The trace the lesson predicts if one parameter changed: the counterfactuals' ground truth.
 * Remembered (the last few), since one quiz asks about the same "what if" more than once and a
 * 10,000-row prediction is not free.
 */
export function traceWith(trace: Trace, change: Partial<StreamParams>): Trace {
  const params = { ...trace.params, ...change };
  const key = JSON.stringify([params.n, params.delayMs, params.template, params.mode ?? 'timed']);
  let predicted = predictions.get(key);
  if (!predicted) {
    predicted = expectedTrace(params);
    if (predictions.size >= 16) predictions.delete(predictions.keys().next().value!);
    predictions.set(key, predicted);
  }
  return predicted;
}

/**
 * i in the Variable Tracker's "After `column`" column if the range were `m`. Rows up to that
 * column do not depend on how many come after, so the prediction needs only `column` yields:
 * the same answer, without building a 10,000-row trace for it.
 */
export function afterColumnValue(trace: Trace, m: number, column: number): string {
  if (column > m) throw new Error(`range(${m}) has no 'After ${column}' column`);
  return variableTracker(traceWith(trace, { n: column })).find((c) => c.label === `After ${column}`)!.i;
}
