'use client';

import { useCallback, useMemo, useState } from 'react';
import { generateQuiz } from '@/lib/quiz/generate';
import { answerKey, scoreQuiz } from '@/lib/quiz/score';
import type { QuizQuestion } from '@/lib/quiz/types';
import { describeHighlight } from '@/lib/quiz/describe-highlight';
import { CLASSIC_QUIZ, type QuizState } from '@/lib/store/quiz-store';
import { selectQuizTrace } from '@/lib/store/quiz-trace';
import { useLessonActions, useLessonStore, useQuizActions, useQuizStore, useQuizStoreApi } from '../lesson/lesson-store-provider';
import { ProgressStoreProvider, useProgressStore } from './progress-store-provider';
import { ProgressPanel } from './progress-panel';
import { BackToQuestion } from './back-to-question';
import { QuestionCard } from './question-card';
import { scrollPageTo } from '../ui/scroll-page';

/** A fresh seed for New questions: randomness lives here, in the view, never in `lib/quiz`. */
function drawSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** The quiz with its saved progress. */
export function QuizSection() {
  return (
    <ProgressStoreProvider>
      <Quiz />
    </ProgressStoreProvider>
  );
}

/** The quiz: the seed's questions or a generated set about the trace, with hints that light up the tables. */
function Quiz() {
  const trace = useLessonStore(selectQuizTrace);
  const status = useLessonStore((state) => state.status);
  const hasRun = useLessonStore((state) => state.runParams !== null);
  const { setHighlight, run, seek } = useLessonActions();
  const cursor = useLessonStore((state) => state.cursor);
  const quiz = useQuizStore((state) => state.quiz);
  const count = useQuizStore((state) => state.count);
  const answers = useQuizStore((state) => state.answers);
  const quizActions = useQuizActions();
  const quizApi = useQuizStoreApi();
  const progress = useProgressStore((state) => state.actions);
  const [announcement, setAnnouncement] = useState('');
  const [returnTo, setReturnTo] = useState<number | null>(null);
  const clearReturn = useCallback(() => setReturnTo(null), []);

  const questions = useMemo(
    () => generateQuiz(trace, quiz === CLASSIC_QUIZ ? 0 : quiz, { count, classic: quiz === CLASSIC_QUIZ }),
    [trace, quiz, count],
  );
  const score = scoreQuiz(questions, answers);
  // A set never repeats a question, so with few facts to ask about (range 1, say) it runs out.
  const allAsked = questions.length < count;
  const predicted = trace.source === 'expected';

  /** Saves only the scored check: practice after it is judged on the card and never saved. */
  function check(question: QuizQuestion) {
    const key = answerKey(question);
    if (quizActions.check(key) !== 'scored') return;
    const after = quizApi.getState().answers;
    progress.recordAnswer(question.ask.kind, after[key]?.scored === question.answer);
    const final = scoreQuiz(questions, after);
    if (final.scored === final.total)
      progress.recordScore({ quiz, correct: final.correct, total: final.total, params: { ...trace.params } });
  }

  function hint(question: QuizQuestion) {
    quizActions.markHinted(answerKey(question));
    const target = question.hint.target;
    // During a replay the hinted cells may lie after the cursor: move it so they are on show.
    if (cursor !== null) {
      const lastStep = target.table === 'execution' ? Math.max(...target.steps) : null;
      if (lastStep === null || cursor < lastStep) seek(lastStep);
    }
    setHighlight(target);
    setAnnouncement(`${question.hint.text} ${describeHighlight(question.hint.target)}`);
  }

  /** Scrolls up to the highlighted cells, and offers the way back to the question. */
  function showInTable(number: number) {
    const cell = document.querySelector('[data-highlighted]');
    const table = cell?.closest('[role="region"]');
    if (!cell || !table) return;
    scrollPageTo(table);
    setReturnTo(number);
  }

  function startQuiz(next: QuizState['quiz']) {
    quizActions.startQuiz(next);
    setHighlight(null);
  }

  return (
    <div className="quiz">
      <div className="quiz-bar">
        <p className="quiz-score" aria-live="polite">
          Score: <strong>{`${score.correct} / ${score.total}`}</strong>
        </p>
        <div className="quiz-buttons">
          <button type="button" className="button" onClick={() => startQuiz(drawSeed())}>
            New questions
          </button>
          {quiz !== CLASSIC_QUIZ && (
            <button type="button" className="button" onClick={() => startQuiz(CLASSIC_QUIZ)}>
              The lesson&apos;s questions
            </button>
          )}
        </div>
      </div>
      <p className="muted quiz-source">
        {quiz === CLASSIC_QUIZ ? "The lesson's own three questions" : `Generated set #${quiz}`}, about{' '}
        {predicted ? 'the table predicted for these parameters' : 'the run you just watched'} (range {trace.params.n}, sleep{' '}
        {trace.params.delayMs / 1000} s). Each question&apos;s first Check is scored; check again to practise.
      </p>
      <ol className="questions">
        {questions.map((question, index) => (
          <QuestionCard
            key={answerKey(question)}
            number={index + 1}
            question={question}
            answer={answers[answerKey(question)] ?? {}}
            offerRun={predicted && !hasRun && status === 'idle'}
            onSelect={(letter) => quizActions.select(answerKey(question), letter)}
            onCheck={() => check(question)}
            onHint={() => hint(question)}
            onRun={run}
            onShowInTable={() => showInTable(index + 1)}
          />
        ))}
      </ol>
      {/* aria-disabled, not disabled: the click that asks the last question must not drop focus to <body>. */}
      <button
        type="button"
        className="button"
        aria-disabled={allAsked || undefined}
        onClick={() => {
          if (!allAsked) quizActions.moreQuestions();
        }}
      >
        More questions
      </button>
      {allAsked && <p className="muted">That is every different question about these parameters.</p>}
      {returnTo !== null && <BackToQuestion number={returnTo} onDone={clearReturn} />}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ProgressPanel />
    </div>
  );
}
