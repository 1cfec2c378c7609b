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

/**
 * The seed's Variable Tracker (rows `i` and `Connection State`), one column per row of the
 * Execution Table so far: it fills column by column as the trace grows.
 */
export function variableTracker(trace: Trace): TrackerColumn[] {
  let yields = 0;
  return trace.rows.map((row) => {
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
