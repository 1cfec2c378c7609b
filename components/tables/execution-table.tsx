'use client';

import { useLayoutEffect, useRef } from 'react';
import { executionTableNote } from '@/lib/lesson/content';
import { formatArrival } from '@/lib/trace/format';
import { isExecutionCellHighlighted, type TableHighlight } from '@/lib/trace/highlight';
import { framesSent } from '@/lib/trace/reduce';
import { EXECUTION_COLUMNS, executionCells } from '@/lib/trace/table';
import type { ExecutionRow } from '@/lib/trace/types';
import { selectDisplayedTrace, selectLessonView } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';
import type { LessonAudience } from '@/lib/lesson/narration';

/** What the caption says before a run: what to press, to whoever can press it. */
const PREDICTED_NOTE: Record<LessonAudience, string> = {
  self: 'predicted from the code; press Run to watch the real stream',
  presenter: 'predicted from the code; press Run for the room to watch the real stream',
  student: 'predicted from the code, until the presenter runs the real stream',
};
import { useScrollToHighlight } from './use-scroll-to-highlight';
import { useVirtualRows } from './use-virtual-rows';
import './lesson-tables.css';

/**
 * Shorter headings for a phone, drawn by CSS from `data-narrow`; the heading's name stays the
 * seed's (`aria-label`), and so does its text.
 */
const NARROW_HEADINGS: Partial<Record<(typeof EXECUTION_COLUMNS)[number], string>> = { 'Connection State': 'State' };

/** One class per column (and the arrival time's), so CSS can size each on a phone. */
const COLUMN_CLASSES = ['col-step', 'col-action', 'col-data', 'col-sleep', 'col-connection', 'col-arrived'] as const;

/**
 * The seed's Execution Table. Before a run it shows the prediction for the form's parameters,
 * dimmed; once a run starts it is built from the frames as they arrive, one row per observed
 * event with its arrival time; the row on show is current (and kept in view), and cells that
 * changed flash once.
 */
export function ExecutionTable() {
  const trace = useLessonStore(selectDisplayedTrace);
  const status = useLessonStore((state) => state.status);
  const audience = useLessonStore((state) => state.audience);
  const view = useLessonStore(selectLessonView);
  const cursor = useLessonStore((state) => state.cursor);
  const highlight = useLessonStore((state) => state.highlight);
  const scrollRef = useRef<HTMLDivElement>(null);
  const observed = trace.source === 'observed';
  const rows = trace.rows;
  // A prediction has a current row only when a link points at a step of it.
  const current = view !== 'prediction' || cursor !== null ? rows.at(-1)?.step : undefined;
  const yields = framesSent(rows);
  const virtual = useVirtualRows(scrollRef, rows.length, current === undefined ? null : current - 1, cursor);
  const columnCount = EXECUTION_COLUMNS.length + 1;
  const hinted = highlight?.table === 'execution' ? highlight : null;
  // A long table renders only some rows: bring the hinted one into the DOM first, then into view.
  const { enabled: virtualized, scrollToIndex } = virtual;
  useLayoutEffect(() => {
    if (hinted && virtualized) scrollToIndex(Math.min(...hinted.steps) - 1);
  }, [hinted, virtualized, scrollToIndex]);
  useScrollToHighlight(scrollRef, hinted, virtual.first);

  return (
    <div
      ref={scrollRef}
      className="table-scroll table-scroll-rows"
      tabIndex={0}
      role="region"
      aria-label="Execution Table, scrollable"
      data-stage-part="table"
      onScroll={virtual.onScroll}
    >
      <table
        className={`lesson-table execution-table source-${trace.source}${virtual.enabled ? ' virtualized' : ''}`}
        data-source={trace.source}
        aria-rowcount={virtual.enabled ? rows.length + 1 : undefined}
      >
        <caption>
          Execution Table
          {!observed && <span className="caption-note"> — {PREDICTED_NOTE[audience]}</span>}
        </caption>
        <colgroup>
          {COLUMN_CLASSES.map((name) => (
            <col key={name} className={name} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {EXECUTION_COLUMNS.map((column) => (
              <th key={column} scope="col" data-narrow={NARROW_HEADINGS[column]} aria-label={NARROW_HEADINGS[column] && column}>
                <span className="heading-text">{column}</span>
              </th>
            ))}
            <th scope="col" className="col-arrival">
              {observed ? 'Arrived' : 'Due'}
            </th>
          </tr>
        </thead>
        <tbody>
          {status === 'connecting' && observed && rows.length === 0 && (
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
          {status === 'open' && view === 'live' && (
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
      <td className="cell-arrival col-arrival">{formatArrival(row.atMs)}</td>
    </tr>
  );
}
