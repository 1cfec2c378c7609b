import type { EXECUTION_COLUMNS } from './table';

export type ExecutionColumn = (typeof EXECUTION_COLUMNS)[number];
export type TrackerRow = 'i' | 'Connection State';

/** Cells of one lesson table to draw attention to: rows × columns. */
export type TableHighlight =
  { table: 'execution'; steps: number[]; columns: ExecutionColumn[] } | { table: 'tracker'; rows: TrackerRow[]; columns: string[] };

/** Whether an Execution Table cell is highlighted. */
export function isExecutionCellHighlighted(highlight: TableHighlight | null, step: number, column: ExecutionColumn): boolean {
  return highlight?.table === 'execution' && highlight.steps.includes(step) && highlight.columns.includes(column);
}

/** Whether a Variable Tracker cell (row `i` or `Connection State`, column label) is highlighted. */
export function isTrackerCellHighlighted(highlight: TableHighlight | null, row: TrackerRow, column: string): boolean {
  return highlight?.table === 'tracker' && highlight.rows.includes(row) && highlight.columns.includes(column);
}
