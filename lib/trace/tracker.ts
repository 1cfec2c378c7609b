import { pythonValue } from './format';
import type { ExecutionRow, Trace } from './types';

/** One column of the Variable Tracker: `Start`, `After 1` … `After n`, `Final`. */
export interface TrackerColumn {
  label: string;
  /** The Execution Table step this column was read from. */
  step: number;
  i: string;
  connection: string;
}

const FINAL_I: Record<ExecutionRow['kind'], string> = {
  start: 'None',
  yield: 'None',
  end: 'End',
  stopped: 'Stopped',
  error: 'Error',
  reconnect: 'Reconnect',
  reopen: 'Reopen',
  'no-content': '204',
  closed: 'Closed',
};

/** The columns of `rows`, `yieldsBefore` yields having come before the first of them. */
function columnsOf(rows: readonly ExecutionRow[], yieldsBefore = 0): TrackerColumn[] {
  let yields = yieldsBefore;
  return rows.map((row) => {
    const connection = row.connection;
    switch (row.kind) {
      case 'start':
        return { label: 'Start', step: row.step, i: 'None', connection };
      case 'yield':
        yields += 1;
        return { label: `After ${yields}`, step: row.step, i: pythonValue(row.i), connection };
      case 'reconnect':
        return { label: 'Reconnect', step: row.step, i: pythonValue(row.i), connection };
      case 'reopen':
        return { label: 'Reopen', step: row.step, i: pythonValue(row.i), connection };
      default:
        return { label: 'Final', step: row.step, i: FINAL_I[row.kind], connection };
    }
  });
}

/**
 * The seed's Variable Tracker (rows `i` and `Connection State`), one column per row of the
 * Execution Table so far: it fills column by column as the trace grows.
 */
export function variableTracker(trace: Trace): TrackerColumn[] {
  return columnsOf(trace.rows);
}

/**
 * The tracker's first `leading` and last `trailing` columns, and how many lie between them: what
 * a long run shows. Costs the columns shown, not the run's length (a 10,000-frame run builds 60
 * columns a batch, not 10,002), and equals slicing `variableTracker(trace)`.
 */
export function variableTrackerWindow(trace: Trace, leading: number, trailing: number): { columns: TrackerColumn[]; hidden: number } {
  const { rows } = trace;
  if (rows.length <= leading + trailing) return { columns: columnsOf(rows), hidden: 0 };
  const tailFrom = rows.length - trailing;
  let yieldsBefore = 0;
  for (let k = 0; k < tailFrom; k++) if (rows[k]!.kind === 'yield') yieldsBefore += 1;
  return {
    columns: [...columnsOf(rows.slice(0, leading)), ...columnsOf(rows.slice(tailFrom), yieldsBefore)],
    hidden: tailFrom - leading,
  };
}
