import { narrate, type Narration } from '@/lib/lesson/narration';
import type { LessonState } from './lesson-state';
import { selectDisplayedTrace, selectLessonView, selectStepPosition, type TraceInputs } from './selectors';

/*
 * The narration's selector, apart from the page's (selectors.ts): the narration's words load
 * just after hydration, and until then the stage shows the line the server wrote.
 */

/** The stage's narration of the step on show (a new object each call: read it with `useShallow`). */
export function selectNarration(state: TraceInputs & Pick<LessonState, 'status'> & Partial<Pick<LessonState, 'audience'>>): Narration {
  return narrate({
    audience: state.audience,
    view: selectLessonView(state),
    trace: selectDisplayedTrace(state),
    total: selectStepPosition(state).total,
    status: state.status,
  });
}
