'use client';

import { useEffect } from 'react';
import { KIND_LABELS, QUESTION_KINDS } from '@/lib/quiz/kinds';
import { exportProgress, watchOtherTabs } from '@/lib/store/progress-store';
import { useProgressStore, useProgressStoreApi } from './progress-store-provider';

/** Saved progress: recent scores, mastery per kind of question, reset and export. */
export function ProgressPanel() {
  const api = useProgressStoreApi();
  const history = useProgressStore((state) => state.history);
  const mastery = useProgressStore((state) => state.mastery);
  const predictions = useProgressStore((state) => state.predictions);
  const notice = useProgressStore((state) => state.notice);
  const { reset, dismissNotice } = useProgressStore((state) => state.actions);

  // Saved progress is read after mount, so the server's HTML and the first render agree; from then
  // on, what another tab saves shows here too.
  useEffect(() => {
    void api.persist.rehydrate();
    return watchOtherTabs(api);
  }, [api]);

  function download() {
    const blob = new Blob([exportProgress(api.getState(), new Date())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'stepstream-progress.json';
    link.click();
    URL.revokeObjectURL(url);
  }

  const practised = QUESTION_KINDS.filter((kind) => mastery[kind]);
  const empty = history.length === 0 && practised.length === 0 && !predictions;
  return (
    <section className="progress" aria-labelledby="progress-heading">
      <h3 id="progress-heading">Your progress</h3>
      {notice && (
        <p className="notice" role="alert">
          {notice}{' '}
          <button type="button" className="link-button" onClick={dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      {empty ? (
        <p className="muted">
          Check an answer to start tracking your progress. Only each question&apos;s first Check counts. It stays in this browser only.
        </p>
      ) : (
        <>
          <p className="muted">First checked answers only; practice is not saved. It stays in this browser only.</p>
          {history.length > 0 && (
            <p>
              Recent scores:{' '}
              {history
                .slice(-5)
                .reverse()
                .map((entry) => `${entry.correct} / ${entry.total}`)
                .join(' · ')}
            </p>
          )}
          {predictions && (
            <p>
              Predictions: {predictions.right} of {predictions.predicted} cells right, over {predictions.runs}{' '}
              {predictions.runs === 1 ? 'run' : 'runs'} predicted.
            </p>
          )}
          {practised.length > 0 && (
            <table className="lesson-table mastery-table">
              <caption>Mastery by kind of question</caption>
              <thead>
                <tr>
                  <th scope="col">Question about</th>
                  <th scope="col">Right</th>
                </tr>
              </thead>
              <tbody>
                {practised.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{KIND_LABELS[kind]}</th>
                    <td>
                      {mastery[kind]!.correct} of {mastery[kind]!.attempts}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <div className="progress-actions">
        <button type="button" className="button" onClick={download}>
          Export results (JSON)
        </button>
        {/* aria-disabled, not disabled: Reset empties progress, and a disabled button would drop focus to <body>. */}
        <button
          type="button"
          className="button"
          aria-disabled={empty || undefined}
          onClick={() => {
            if (!empty) reset();
          }}
        >
          Reset progress
        </button>
      </div>
    </section>
  );
}
