'use client';

import { useRef } from 'react';
import { executionTableNote } from '@/lib/lesson/content';
import { formatArrival } from '@/lib/trace/format';
import { isExecutionCellHighlighted, type TableHighlight } from '@/lib/trace/highlight';
import { framesSent } from '@/lib/trace/reduce';
import { EXECUTION_COLUMNS, executionCells } from '@/lib/trace/table';
import type { ExecutionRow } from '@/lib/trace/types';
import { selectDisplayedTrace, selectIsReplaying } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';
import { useScrollToHighlight } from './use-scroll-to-highlight';
import { useVirtualRows } from './use-virtual-rows';

/**
 * The seed's Execution Table. Before a run it shows the prediction for the form's parameters,
 * dimmed; once a run starts it is built from the frames as they arrive, one row per observed
 * event with its arrival time; the newest row is current, and cells that changed flash once.
 */
export function ExecutionTable() {
  const trace = useLessonStore(selectDisplayedTrace);
  const status = useLessonStore((state) => state.status);
  const replaying = useLessonStore(selectIsReplaying);
  const highlight = useLessonStore((state) => state.highlight);
  const scrollRef = useRef<HTMLDivElement>(null);
  useScrollToHighlight(scrollRef, highlight?.table === 'execution' ? highlight : null);
  const observed = trace.source === 'observed';
  const rows = trace.rows;
  const current = observed || replaying ? rows.at(-1)?.step : undefined;
  const yields = framesSent(rows);
  const virtual = useVirtualRows(scrollRef, rows.length);
  const columnCount = EXECUTION_COLUMNS.length + 1;

  return (
    <div
      ref={scrollRef}
      className={virtual.enabled ? 'table-scroll table-scroll-tall' : 'table-scroll'}
      tabIndex={0}
      role="region"
      aria-label="Execution Table, scrollable"
      onScroll={virtual.enabled ? virtual.onScroll : undefined}
    >
      <table
        className={`lesson-table execution-table source-${trace.source}${virtual.enabled ? ' virtualized' : ''}`}
        data-source={trace.source}
        aria-rowcount={virtual.enabled ? rows.length + 1 : undefined}
      >
        <caption>
          Execution Table
          {!observed && <span className="caption-note"> — predicted from the code; press Run to watch the real stream</span>}
        </caption>
        <thead>
          <tr>
            {EXECUTION_COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">{observed ? 'Arrived' : 'Due'}</th>
          </tr>
        </thead>
        <tbody>
          {status === 'connecting' && rows.length === 0 && (
            <tr className="placeholder-row">
              <td colSpan={columnCount}>Connecting…</td>
            </tr>
          )}
          {virtual.before > 0 && <tr className="spacer-row" aria-hidden="true" style={{ height: virtual.before }} />}
          {rows.slice(virtual.first, virtual.last).map((row, offset) => {
            const index = virtual.first + offset;
            return (
              <ExecutionTableRow
                key={row.step}
                row={row}
                previous={observed && row.step === current ? rows[index - 1] : undefined}
                current={row.step === current}
                highlight={highlight}
                rowIndex={virtual.enabled ? index + 2 : undefined}
              />
            );
          })}
          {virtual.after > 0 && <tr className="spacer-row" aria-hidden="true" style={{ height: virtual.after }} />}
          {status === 'open' && observed && !replaying && (
            <tr className="placeholder-row" aria-hidden="true">
              <td colSpan={columnCount}>{yields < trace.params.n ? 'waiting for the next frame…' : 'waiting for the generator to end…'}</td>
            </tr>
          )}
        </tbody>
        {rows.at(-1)?.kind === 'end' && (
          <tfoot>
            <tr>
              <td colSpan={columnCount} className="table-note">
                {executionTableNote(trace.params)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

interface RowProps {
  row: ExecutionRow;
  previous?: ExecutionRow;
  current: boolean;
  highlight: TableHighlight | null;
  /** The row's position among all rows (header = 1), when only some are rendered. */
  rowIndex?: number;
}

function ExecutionTableRow({ row, previous, current, highlight, rowIndex }: RowProps) {
  const cells = executionCells(row);
  const before = previous ? executionCells(previous) : null;
  const className = ['execution-row', `row-${row.kind}`, current && 'row-current'].filter(Boolean).join(' ');
  return (
    <tr
      id={`execution-step-${row.step}`}
      className={className}
      aria-current={current ? 'step' : undefined}
      aria-rowindex={rowIndex}
      data-step={row.step}
    >
      {cells.map((cell, k) => {
        const hinted = isExecutionCellHighlighted(highlight, row.step, EXECUTION_COLUMNS[k]!);
        const classes = [before && before[k] !== cell && 'cell-changed', hinted && 'cell-hint'].filter(Boolean).join(' ') || undefined;
        return k === 0 ? (
          <th key={k} scope="row" className={classes} data-highlighted={hinted || undefined}>
            {cell}
          </th>
        ) : (
          <td key={k} className={classes} data-highlighted={hinted || undefined}>
            {cell}
          </td>
        );
      })}
      <td className="cell-arrival">{formatArrival(row.atMs)}</td>
    </tr>
  );
}
