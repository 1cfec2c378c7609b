import { pythonValue } from './format';
import type { ExecutionRow } from './types';

/** The seed's Execution Table headings, in order. */
export const EXECUTION_COLUMNS = ['Step', 'Action', 'Data Sent', 'Sleep Time (s)', 'Connection State'] as const;

/** What the Sleep Time column says in step mode, where the presenter ends each sleep. */
export const PRESENTER_SLEEP = 'waiting for presenter';

/** A row's cells as the seed writes them, in `EXECUTION_COLUMNS` order. */
export function executionCells(row: ExecutionRow): [string, string, string, string, string] {
  const sleep = row.sleepSeconds === null ? PRESENTER_SLEEP : String(row.sleepSeconds);
  return [String(row.step), row.action, pythonValue(row.dataSent), sleep, row.connection];
}
