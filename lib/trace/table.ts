import { pythonValue } from './format';
import type { ExecutionRow } from './types';

/** The seed's Execution Table headings, in order. */
export const EXECUTION_COLUMNS = ['Step', 'Action', 'Data Sent', 'Sleep Time (s)', 'Connection State'] as const;

/** A row's cells as the seed writes them, in `EXECUTION_COLUMNS` order. */
export function executionCells(row: ExecutionRow): [string, string, string, string, string] {
  return [String(row.step), row.action, pythonValue(row.dataSent), String(row.sleepSeconds), row.connection];
}
