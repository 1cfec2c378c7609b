import { iFromId } from '@/lib/trace/reduce';
import type { ExecutionRow } from '@/lib/trace/types';

/** What a run with ids delivered: every id received across its connections, and what that proves. */
export interface Delivery {
  /** The loop variable of every message received, in order, across reconnects. */
  received: number[];
  /** Ids 0 … n−1 that never arrived. */
  missing: number[];
  /** Ids that arrived more than once. */
  repeated: number[];
  /** How many connections the run used. */
  connections: number;
}

/**
 * Checks a run's messages against the contract of a resumed stream: each of 0 … n−1 exactly
 * once, whatever the cuts. Only messages that carry an id count (named events do not).
 */
export function checkDelivery(rows: readonly ExecutionRow[], n: number): Delivery {
  const received: number[] = [];
  for (const row of rows) {
    if (row.kind !== 'yield' || row.frame === null || /^event: /m.test(row.frame)) continue;
    const id = /^id: (.*)$/m.exec(row.frame)?.[1];
    const i = iFromId(id);
    if (i !== null) received.push(i);
  }
  const seen = new Map<number, number>();
  for (const i of received) seen.set(i, (seen.get(i) ?? 0) + 1);
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !seen.has(i));
  const repeated = [...seen].filter(([, count]) => count > 1).map(([i]) => i);
  const connections = 1 + rows.filter((row) => row.kind === 'reopen').length;
  return { received, missing, repeated, connections };
}
