'use client';

import { useMemo } from 'react';
import { isMomentRevealed, keyMoments, momentSteps } from '@/lib/trace/key-moments';
import { EXECUTION_COLUMNS } from '@/lib/trace/table';
import { selectDisplayedTrace, selectLessonView } from '@/lib/store/selectors';
import { useLessonActions, useLessonStore } from './lesson-store-provider';
import { KEY_MOMENTS_BEFORE_A_RUN } from '@/lib/lesson/content';

/** The seed's two Key Moments, each revealed when the live trace reaches its rows, and linked to them. */
export function KeyMoments() {
  const displayed = useLessonStore(selectDisplayedTrace);
  const view = useLessonStore(selectLessonView);
  // A prediction reveals nothing: the moments open when a real run reaches them.
  const trace = view === 'prediction' ? null : displayed;
  const highlight = useLessonStore((state) => state.highlight);
  const { setHighlight } = useLessonActions();
  // The first moment lists every yield step: worth building once per run, not once per frame.
  const moments = useMemo(() => keyMoments(displayed.params), [displayed.params]);
  if (!trace) return <p className="muted">{KEY_MOMENTS_BEFORE_A_RUN}</p>;
  return (
    <ol className="key-moments">
      {moments.map((moment) => {
        const revealed = isMomentRevealed(moment, trace);
        const label = momentSteps(moment);
        const active = revealed && highlight?.table === 'execution' && highlight.steps.join() === moment.steps.join();
        return (
          <li key={moment.id} className={revealed ? 'moment moment-revealed' : 'moment'}>
            <h3>{moment.question}</h3>
            {revealed ? (
              <>
                <p>{moment.answer}</p>
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={active}
                  onClick={() => {
                    setHighlight(active ? null : { table: 'execution', steps: moment.steps, columns: [...EXECUTION_COLUMNS] });
                  }}
                >
                  {active ? `Hide ${label} in the table` : `Show ${label} in the table`}
                </button>
              </>
            ) : (
              <p className="muted">Revealed when the trace reaches step {moment.revealAt.step}.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
