'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { StreamParams } from '@/lib/contract/params';
import {
  CELL_LABELS,
  markPrediction,
  questionsFor,
  tally,
  tallyText,
  type CellMark,
  type Guesses,
  type PredictedCell,
} from '@/lib/predict/predict';
import { PROGRESS_STORAGE_KEY } from '@/lib/store/progress-data';
import { createProgressStore } from '@/lib/store/progress-store';
import { selectExpectedTrace, selectObservedTrace } from '@/lib/store/selectors';
import type { ExecutionRow, Trace } from '@/lib/trace/types';
import { ActionButton } from '../ui/action-button';
import { useLessonActions, useLessonStore } from '../lesson/lesson-store-provider';
import './predict.css';

const OTHER = '\u0000other';

/**
 * Predict mode: before each frame (the server holds it) the student predicts the row it will make —
 * Data Sent, `i`, Sleep Time, Connection State — and Reveal lets it go; the row arrives beside the
 * prediction, each cell marked with a one-line why. The run's tally joins the saved progress.
 */
export function PredictPanel() {
  const runParams = useLessonStore((state) => state.runParams);
  const status = useLessonStore((state) => state.status);
  const observed = useLessonStore(selectObservedTrace);
  const canReveal = useLessonStore((state) => state.stepStreamId !== null && state.status === 'open');
  const { step } = useLessonActions();
  const predicting = runParams?.mode === 'predict';
  const expected = useMemo(() => (runParams ? selectExpectedTrace(runParams) : null), [runParams]);

  // The guesses belong to one run: a new run (new parameters object) starts afresh.
  const [guesses, setGuesses] = useState<{ run: StreamParams | null; byStep: Record<number, Guesses> }>({ run: null, byStep: {} });
  const byStep = guesses.run === runParams ? guesses.byStep : {};
  const rows = predicting && observed ? observed.rows : [];
  const live = status === 'open' || status === 'connecting';
  const nextStep = predicting && live && expected && rows.length < expected.rows.length ? rows.length + 1 : null;
  const marked = predicting && observed ? markedRows(rows, byStep, observed) : [];
  const last = marked.at(-1);
  const runTally = marked.reduce((sum, { marks }) => add(sum, tally(marks)), { right: 0, predicted: 0 });
  const finished = predicting && !live && rows.length > 0;

  useRecordWhenFinished(finished ? runParams : null, runTally);

  const setGuess = (target: number, cell: PredictedCell, value: string) =>
    setGuesses({ run: runParams, byStep: { ...byStep, [target]: { ...byStep[target], [cell]: value } } });

  return (
    // A stage part: Run brings it on screen with the code and the table (use-stage-into-view.ts).
    <section className="predict-panel" aria-labelledby="predict-heading" data-stage-part="predict">
      <h3 id="predict-heading" className="predict-heading">
        Predict, then reveal
        {runTally.predicted > 0 && <span className="predict-tally"> · this run: {tallyText(runTally)}</span>}
      </h3>
      {!predicting && <p className="predict-note">Press Run: the server holds each frame while you predict the row it will make.</p>}
      {last && last.row.step === rows.length && <MarkedRow row={last.row} marks={last.marks} />}
      {nextStep !== null && expected && (
        <PredictionForm
          key={nextStep}
          step={nextStep}
          expected={expected}
          guesses={byStep[nextStep] ?? {}}
          onGuess={(cell, value) => setGuess(nextStep, cell, value)}
          canReveal={canReveal}
          onReveal={step}
        />
      )}
      {finished && (
        <p className="predict-note" role="status">
          {runTally.predicted > 0
            ? `Run over: ${tallyText(runTally)}, added to your progress.`
            : 'Run over. Predict a row before its Reveal to have it marked.'}
        </p>
      )}
    </section>
  );
}

const add = (a: { right: number; predicted: number }, b: { right: number; predicted: number }) => ({
  right: a.right + b.right,
  predicted: a.predicted + b.predicted,
});

/** The rows that arrived after a prediction, each with its marks. */
function markedRows(rows: readonly ExecutionRow[], byStep: Record<number, Guesses>, trace: Trace) {
  return rows.flatMap((row) => {
    const guesses = byStep[row.step];
    return guesses && Object.values(guesses).some((value) => value?.trim()) ? [{ row, marks: markPrediction(guesses, row, trace) }] : [];
  });
}

/** Adds a finished predicted run's tally to the saved progress, once per run. */
function useRecordWhenFinished(run: StreamParams | null, runTally: { right: number; predicted: number }) {
  const recorded = useRef<StreamParams | null>(null);
  useEffect(() => {
    if (!run || recorded.current === run || runTally.predicted === 0) return;
    recorded.current = run;
    const progress = createProgressStore();
    void progress.persist.rehydrate()?.then(() => {
      progress.getState().actions.recordPredictions(runTally);
      // The quiz's progress panel keeps its own copy: tell it, as another tab's write would.
      window.dispatchEvent(new StorageEvent('storage', { key: PROGRESS_STORAGE_KEY }));
    });
  }, [run, runTally]);
}

function PredictionForm({
  step,
  expected,
  guesses,
  onGuess,
  canReveal,
  onReveal,
}: {
  step: number;
  expected: Trace;
  guesses: Guesses;
  onGuess: (cell: PredictedCell, value: string) => void;
  canReveal: boolean;
  onReveal: () => void;
}) {
  const questions = questionsFor(expected, step) ?? [];
  const [typing, setTyping] = useState(false);
  return (
    <fieldset className="prediction">
      <legend>Your prediction for step {step}</legend>
      <div className="prediction-cells">
        {questions.map(({ cell, choices, freeText }) => {
          const value = guesses[cell] ?? '';
          const other = freeText && (typing || (value !== '' && !choices.includes(value)));
          return (
            <div key={cell} className="prediction-cell">
              <label className="prediction-label" htmlFor={`predict-${cell}`}>
                {CELL_LABELS[cell]}
              </label>
              <select
                id={`predict-${cell}`}
                value={other ? OTHER : value}
                onChange={(event) => {
                  const chosen = event.target.value;
                  setTyping(chosen === OTHER && cell === 'dataSent' ? true : cell === 'dataSent' ? false : typing);
                  if (chosen !== OTHER) onGuess(cell, chosen);
                }}
              >
                <option value="">…</option>
                {choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
                {freeText && <option value={OTHER}>Something else…</option>}
              </select>
              {other && (
                <input
                  type="text"
                  className="prediction-text"
                  aria-label={`${CELL_LABELS[cell]}, in your words`}
                  value={value}
                  onChange={(event) => onGuess(cell, event.target.value)}
                />
              )}
            </div>
          );
        })}
      </div>
      <ActionButton
        type="button"
        className="button button-primary"
        onClick={onReveal}
        unavailable={!canReveal}
        aria-keyshortcuts="ArrowRight"
      >
        Reveal step {step}
      </ActionButton>
    </fieldset>
  );
}

function MarkedRow({ row, marks }: { row: ExecutionRow; marks: readonly CellMark[] }) {
  return (
    <div className="prediction-result" role="status">
      <p className="prediction-result-head">
        Step {row.step} arrived: {tallyText(tally(marks))}
      </p>
      <ul className="prediction-marks">
        {marks.map((mark) => (
          <li key={mark.cell} className={mark.guess === null ? 'mark-skipped' : mark.right ? 'mark-right' : 'mark-wrong'}>
            <span className="mark-sign" aria-hidden="true">
              {mark.guess === null ? '–' : mark.right ? '✓' : '✗'}
            </span>{' '}
            <strong>{CELL_LABELS[mark.cell]}</strong>: {mark.actual}
            {mark.guess === null ? ' (not predicted)' : mark.right ? ' (right)' : ` (you said ${mark.guess})`}. {mark.why}
          </li>
        ))}
      </ul>
    </div>
  );
}
