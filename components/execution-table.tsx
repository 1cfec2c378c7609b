'use client';

import { EXECUTION_COLUMNS, executionCells } from '@/lib/trace/table';
import { executionTableNote } from '@/lib/lesson/content';
import { formatArrival } from '@/lib/trace/format';
import type { ExecutionRow } from '@/lib/trace/types';
import { selectObservedTrace } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';

/**
 * The seed's Execution Table, built from the frames as they arrive: one row per observed event,
 * each with its arrival time; the newest row is current, and cells that changed flash once.
 */
export function ExecutionTable() {
  const trace = useLessonStore(selectObservedTrace);
  const status = useLessonStore((state) => state.status);
  const highlighted = useLessonStore((state) => state.highlightedSteps);
  const rows = trace?.rows ?? [];
  const current = rows.at(-1)?.step;

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Execution Table, scrollable">
      <table className="lesson-table execution-table">
        <caption>Execution Table</caption>
        <thead>
          <tr>
            {EXECUTION_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">Arrived</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <ExecutionTableRow
              key={row.step}
              row={row}
              previous={rows[index - 1]}
              current={row.step === current}
              highlighted={highlighted.includes(row.step)}
            />
          ))}
          {rows.length === 0 && (
            <tr className="placeholder-row">
              <td colSpan={EXECUTION_COLUMNS.length + 1}>
                {status === 'connecting' ? 'Connecting…' : 'Press Run: a row appears here as each frame arrives.'}
              </td>
            </tr>
          )}
          {status === 'open' && trace && (
            <tr className="placeholder-row" aria-hidden="true">
              <td colSpan={EXECUTION_COLUMNS.length + 1}>
                {rows.filter((row) => row.kind === 'yield').length < trace.params.n
                  ? 'waiting for the next frame…'
                  : 'waiting for the generator to end…'}
              </td>
            </tr>
          )}
        </tbody>
        {rows.at(-1)?.kind === 'end' && trace && (
          <tfoot>
            <tr>
              <td colSpan={EXECUTION_COLUMNS.length + 1} className="table-note">
                {executionTableNote(trace.params)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function ExecutionTableRow({ row, previous, current, highlighted }: { row: ExecutionRow; previous?: ExecutionRow; current: boolean; highlighted: boolean }) {
  const cells = executionCells(row);
  const before = previous ? executionCells(previous) : null;
  const className = ['execution-row', `row-${row.kind}`, current && 'row-current', highlighted && 'row-highlighted'].filter(Boolean).join(' ');
  return (
    <tr id={`execution-step-${row.step}`} className={className} aria-current={current ? 'step' : undefined} data-step={row.step}>
      {cells.map((cell, k) =>
        k === 0 ? (
          <th key={k} scope="row">
            {cell}
          </th>
        ) : (
          <td key={k} className={before && before[k] !== cell ? 'cell-changed' : undefined}>
            {cell}
          </td>
        ),
      )}
      <td className="cell-arrival">{formatArrival(row.atMs)}</td>
    </tr>
  );
}
