'use client';

import { Fragment, useMemo, useRef } from 'react';
import { isTrackerCellHighlighted, type TrackerRow } from '@/lib/trace/highlight';
import { variableTrackerWindow, type TrackerColumn } from '@/lib/trace/tracker';
import { selectDisplayedTrace, selectLessonView } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';
import { useKeepInView } from '../ui/use-keep-in-view';
import { useScrollToHighlight } from './use-scroll-to-highlight';

const ROWS: Array<{ label: TrackerRow; value: (column: TrackerColumn) => string }> = [
  { label: 'i', value: (column) => column.i },
  { label: 'Connection State', value: (column) => column.connection },
];

/** A long run shows its first columns, a gap, and the latest ones: the DOM stays small. */
const LEADING_COLUMNS = 3;
const TRAILING_COLUMNS = 57;

/**
 * A column's React key. In a long run the trailing columns shift by a whole batch at once (500
 * frames at delay 0): keyed by step, every cell would be removed and made again each batch, so
 * they are keyed by their place and only their text changes. The current column keeps its step
 * as key, so each new one is a new element and its cell flashes once.
 */
function columnKey(column: TrackerColumn, k: number, hidden: number, currentStep: number | undefined): string | number {
  return hidden > 0 && k >= LEADING_COLUMNS && column.step !== currentStep ? `slot-${k}` : column.step;
}

/** The seed's Variable Tracker: `i` and the connection state, one column per step as it arrives. */
export function VariableTracker() {
  const trace = useLessonStore(selectDisplayedTrace);
  const highlight = useLessonStore((state) => state.highlight);
  const scrollRef = useRef<HTMLDivElement>(null);
  useScrollToHighlight(scrollRef, highlight?.table === 'tracker' ? highlight : null);
  const { columns, hidden } = useMemo(() => variableTrackerWindow(trace, LEADING_COLUMNS, TRAILING_COLUMNS), [trace]);
  const observed = trace.source === 'observed';
  const view = useLessonStore(selectLessonView);
  const cursor = useLessonStore((state) => state.cursor);
  const currentStep = view !== 'prediction' || cursor !== null ? columns.at(-1)?.step : undefined;
  // A long run's latest column is far to the right: keep it in view as it moves.
  useKeepInView(scrollRef, 'thead .col-current', currentStep, { axis: 'x' });

  return (
    <div
      ref={scrollRef}
      className="table-scroll variable-tracker-scroll"
      tabIndex={0}
      role="region"
      aria-label="Variable Tracker, scrollable"
    >
      <table className={`lesson-table variable-tracker source-${trace.source}`} data-source={trace.source}>
        <caption>
          Variable Tracker
          {!observed && <span className="caption-note"> — predicted</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            {columns.map((column, k) => (
              <Fragment key={columnKey(column, k, hidden, currentStep)}>
                {hidden > 0 && k === LEADING_COLUMNS && (
                  <th scope="col" className="col-gap" aria-label={`${hidden} columns not shown`}>
                    …
                  </th>
                )}
                <th scope="col" className={column.step === currentStep ? 'col-current' : undefined}>
                  {column.label}
                </th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ label, value }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {columns.map((column, k) => {
                const hinted = isTrackerCellHighlighted(highlight, label, column.label);
                const classes = [
                  column.step === currentStep && 'col-current',
                  column.step === currentStep && label === 'i' && 'cell-changed',
                  hinted && 'cell-hint',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <Fragment key={columnKey(column, k, hidden, currentStep)}>
                    {hidden > 0 && k === LEADING_COLUMNS && <td className="col-gap">…</td>}
                    <td className={classes || undefined} data-highlighted={hinted || undefined}>
                      {value(column)}
                    </td>
                  </Fragment>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
