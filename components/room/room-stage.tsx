import { selectNarration } from '@/lib/store/select-narration';
import { createLessonStore } from '@/lib/store/lesson-store';
import { ConnectionDiagram } from '../stage/connection-diagram';
import { StageCards } from '../stage/stage-cards';
import { StageStatus } from '../stage/stage-status';
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
      <StageCards />
    </>
  );
}
