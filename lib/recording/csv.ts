import { EXECUTION_COLUMNS, executionCells } from '@/lib/trace/table';
import type { ExecutionRow } from '@/lib/trace/types';

/** The arrival time's column, after the seed's five: named with its unit, since the table shows seconds. */
export const ARRIVED_COLUMN = 'Arrived (ms)';

/** The CSV's header: the seed's Execution Table headings, word for word, then the arrival time. */
export const CSV_HEADER = [...EXECUTION_COLUMNS, ARRIVED_COLUMN] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. A cell starting
 * with = + - @ (or a tab or CR) gets a leading `'`, so a spreadsheet shows it instead of running
 * it as a formula: a template is anyone's text (and a poll's question, in the room's results).
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The Execution Table as CSV: the cells exactly as the page shows them (Python's spelling:
 * `None`, `'data: Message 0\n\n'`), the arrival in whole milliseconds since the stream opened,
 * every line ended by CRLF as RFC 4180 asks.
 */
export function executionTableCsv(rows: readonly ExecutionRow[]): string {
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  for (const row of rows) lines.push([...executionCells(row), String(Math.round(row.atMs))].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
