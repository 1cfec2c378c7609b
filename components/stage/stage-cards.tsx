import type { ReactNode } from 'react';
import { CodePanel } from '../code/code-panel';
import { ExecutionTable } from '../tables/execution-table';
import { VariableTracker } from '../tables/variable-tracker';
import { ReplayControls } from './replay-controls';

/**
 * The stage's two cards, the lesson's and the room's alike: the generator's code beside what it did
 * (the timeline, the Execution Table and the Variable Tracker). `beforeTables` goes between the
 * timeline and the tables (the lesson's prediction panel).
 */
export function StageCards({ beforeTables }: { beforeTables?: ReactNode }) {
  return (
    <div className="stage">
      <section className="card code-card" aria-labelledby="code-heading">
        <h2 id="code-heading" className="stage-heading">
          The generator
        </h2>
        <CodePanel />
      </section>
      <section className="card tables-card" aria-labelledby="tables-heading">
        <h2 id="tables-heading" className="stage-heading">
          What happened, as it happened
        </h2>
        <ReplayControls />
        {beforeTables}
        <ExecutionTable />
        <VariableTracker />
      </section>
    </div>
  );
}
