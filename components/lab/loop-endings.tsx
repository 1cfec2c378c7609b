'use client';

import { useId } from 'react';
import { flaskEndingLines } from '@/lib/code/flask-code';
import { LOOP_ENDINGS, clientCode, loopEndingOf } from '@/lib/lab/loop-endings';
import { selectFormParams, selectIsRunning } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';

/**
 * Ending EventSource's loop, four ways: none (the seed), the page closing after the last message,
 * the server's `event: end`, a 204 to the reconnect. Each choice sets the form's ending (and the
 * page's close-after-last) for the next Run, and shows the code it takes: the browser's, as it
 * runs, and the lines the server adds in Flask (this app's TypeScript is lit in the code panel).
 */
export function LoopEndings() {
  const draft = useLessonStore((state) => state.draft);
  const params = useLessonStore(selectFormParams);
  const closeAfterLast = useLessonStore((state) => state.closeAfterLast);
  const transport = useLessonStore((state) => state.transport);
  const running = useLessonStore(selectIsRunning);
  const { setEnd, setCloseAfterLast, setTransport } = useLessonStore((state) => state.actions);
  const chosen = loopEndingOf(draft.end, closeAfterLast);
  const choice = LOOP_ENDINGS.find((candidate) => candidate.ending === chosen)!;
  const serverLines = flaskEndingLines({ ...params, end: choice.end });
  const baseId = useId();

  return (
    <section className="loop-endings" aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>Ending the loop</h3>
      <fieldset className="loop-ending-choices" aria-describedby={running ? `${baseId}-running` : undefined}>
        <legend className="visually-hidden">How the loop ends on the next Run</legend>
        {LOOP_ENDINGS.map(({ ending, label, end, closeAfterLast: closes }) => (
          <label key={ending} className="loop-ending-choice">
            <input
              type="radio"
              name={`${baseId}-ending`}
              value={ending}
              checked={chosen === ending}
              // Read-only while a run goes on: the run keeps the ending it started with.
              onChange={() => {
                if (running) return;
                setEnd(end);
                setCloseAfterLast(closes);
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {running && (
        <p id={`${baseId}-running`} className="field-hint">
          The choice applies to the next Run.
        </p>
      )}
      <p>{choice.summary}</p>
      {transport !== 'eventsource' && (
        <p className="loop-ending-fetch">
          This page reads with fetch now, which stops when a response ends, so there is no loop to end.{' '}
          <button type="button" className="link-button" onClick={() => !running && setTransport('eventsource')}>
            Read with EventSource
          </button>
        </p>
      )}
      <div className="loop-ending-code">
        <figure>
          <figcaption>In the browser</figcaption>
          <pre className="lab-code" tabIndex={0} data-testid="loop-ending-client">
            <code>{clientCode(chosen, { ...params, end: choice.end })}</code>
          </pre>
        </figure>
        <figure>
          <figcaption>On the server (Flask)</figcaption>
          {serverLines.length === 0 ? (
            <p className="muted">Nothing to add: the seed&apos;s generator, as in the code panel.</p>
          ) : (
            <>
              <pre className="lab-code" tabIndex={0}>
                <code>{serverLines.join('\n')}</code>
              </pre>
              <p className="field-hint">In place in the code panel, with this app&apos;s TypeScript for it; both light up when they run.</p>
            </>
          )}
        </figure>
      </div>
    </section>
  );
}
