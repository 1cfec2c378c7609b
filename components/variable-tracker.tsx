'use client';

import { useMemo, useRef } from 'react';
import { isTrackerCellHighlighted, type TrackerRow } from '@/lib/trace/highlight';
import { variableTracker, type TrackerColumn } from '@/lib/trace/tracker';
import { selectDisplayedTrace, selectIsReplaying } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';
import { useScrollToHighlight } from './use-scroll-to-highlight';

const ROWS: Array<{ label: TrackerRow; value: (column: TrackerColumn) => string }> = [
  { label: 'i', value: (column) => column.i },
  { label: 'Connection State', value: (column) => column.connection },
];

/** The seed's Variable Tracker: `i` and the connection state, one column per step as it arrives. */
export function VariableTracker() {
  const trace = useLessonStore(selectDisplayedTrace);
  const highlight = useLessonStore((state) => state.highlight);
  const scrollRef = useRef<HTMLDivElement>(null);
  useScrollToHighlight(scrollRef, highlight?.table === 'tracker' ? highlight : null);
  const columns = useMemo(() => variableTracker(trace), [trace]);
  const observed = trace.source === 'observed';
  const replaying = useLessonStore(selectIsReplaying);
  const currentStep = observed || replaying ? columns.at(-1)?.step : undefined;

  return (
    <div ref={scrollRef} className="table-scroll" tabIndex={0} role="region" aria-label="Variable Tracker, scrollable">
      <table className={`lesson-table variable-tracker source-${trace.source}`} data-source={trace.source}>
        <caption>
          Variable Tracker
          {!observed && <span className="caption-note"> — predicted</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            {columns.map((column) => (
              <th key={column.step} scope="col" className={column.step === currentStep ? 'col-current' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ label, value }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {columns.map((column) => {
                const hinted = isTrackerCellHighlighted(highlight, label, column.label);
                const classes = [column.step === currentStep && 'col-current', column.step === currentStep && label === 'i' && 'cell-changed', hinted && 'cell-hint']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={column.step} className={classes || undefined} data-highlighted={hinted || undefined}>
                    {value(column)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
