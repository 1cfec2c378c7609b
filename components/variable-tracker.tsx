'use client';

import { useMemo } from 'react';
import { variableTracker } from '@/lib/trace/tracker';
import { selectObservedTrace } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';

/** The seed's Variable Tracker: `i` and the connection state, one column per step as it arrives. */
export function VariableTracker() {
  const trace = useLessonStore(selectObservedTrace);
  const columns = useMemo(() => (trace ? variableTracker(trace) : []), [trace]);
  const currentStep = columns.at(-1)?.step;

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Variable Tracker, scrollable">
      <table className="lesson-table variable-tracker">
        <caption>Variable Tracker</caption>
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
          <tr>
            <th scope="row">i</th>
            {columns.map((column) => (
              <td key={column.step} className={column.step === currentStep ? 'col-current cell-changed' : undefined}>
                {column.i}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Connection State</th>
            {columns.map((column) => (
              <td key={column.step} className={column.step === currentStep ? 'col-current' : undefined}>
                {column.connection}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {columns.length === 0 && <p className="table-empty">Columns fill in as the generator runs.</p>}
    </div>
  );
}
