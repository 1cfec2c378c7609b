import { selectNarration } from '@/lib/store/select-narration';
import { createLessonStore } from '@/lib/store/lesson-store';
import { CodePanel } from '../code/code-panel';
import { ConnectionDiagram } from '../stage/connection-diagram';
import { ExecutionTable } from '../tables/execution-table';
import { ReplayControls } from '../stage/replay-controls';
import { StageStatus } from '../stage/stage-status';
import { VariableTracker } from '../tables/variable-tracker';
import '../stage/run-bar.css';

/** The lesson's stage, driven by the room: what the generator did, the code line, the tables, the wire. */
export function RoomStage({ controls, audience }: { controls: React.ReactNode; audience: 'presenter' | 'student' }) {
  // Before the room's first snapshot the page shows what the server would: nothing run yet.
  const initialNarration = selectNarration(createLessonStore({ audience }).getState());
  return (
    <>
      <section className="run-bar room-bar" aria-label="The room's run: controls, connection and what just happened">
        {controls}
        <StageStatus initialNarration={initialNarration} />
        <ConnectionDiagram />
      </section>
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
          <ExecutionTable />
          <VariableTracker />
        </section>
      </div>
    </>
  );
}
