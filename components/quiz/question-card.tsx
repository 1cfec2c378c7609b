'use client';

import { useId } from 'react';
import { canCheck, isPractice, type QuizAnswer } from '@/lib/quiz/score';
import type { QuizQuestion } from '@/lib/quiz/types';

interface QuestionCardProps {
  number: number;
  question: QuizQuestion;
  answer: QuizAnswer;
  /** True when the tables show a prediction: the hint then offers to run the real stream. */
  offerRun: boolean;
  onSelect: (letter: QuizQuestion['answer']) => void;
  onCheck: () => void;
  onHint: () => void;
  onRun: () => void;
}

/**
 * One question: a radio group named by its prompt, Check with feedback in place, and a Hint. The
 * first Check is scored and its feedback stays; checking another option after it is practice,
 * judged below it and marked as not scored.
 */
export function QuestionCard({ number, question, answer, offerRun, onSelect, onCheck, onHint, onRun }: QuestionCardProps) {
  const baseId = useId();
  const promptId = `${baseId}-prompt`;
  const scored = answer.scored;
  const correct = scored === question.answer;
  const optionFor = (letter: QuizQuestion['answer']) => question.options.find((candidate) => candidate.letter === letter)!;
  const answerText = optionFor(question.answer);
  // WARNING: not `disabled`: Check disables itself when clicked, and a disabled button drops focus to <body>.
  const checkDisabled = !canCheck(answer);

  return (
    <li className={`question ${scored ? (correct ? 'question-correct' : 'question-wrong') : ''}`}>
      <p className="question-prompt">
        <span className="question-number">{number}.</span> <span id={promptId}>{question.prompt}</span>
      </p>
      <div role="radiogroup" aria-labelledby={promptId} className="question-options">
        {question.options.map((option) => (
          <label key={option.letter} className={`option ${answer.selected === option.letter ? 'option-selected' : ''}`}>
            <input
              type="radio"
              name={`${baseId}-answer`}
              value={option.letter}
              checked={answer.selected === option.letter}
              onChange={() => onSelect(option.letter)}
            />
            <span className="option-letter">{option.letter}</span> <span className="option-text">{option.text}</span>
          </label>
        ))}
      </div>
      <div className="question-actions">
        <button
          type="button"
          className="button"
          aria-disabled={checkDisabled || undefined}
          onClick={() => {
            if (!checkDisabled) onCheck();
          }}
        >
          Check
        </button>
        <button type="button" className="button" onClick={onHint} aria-pressed={answer.hinted ?? false}>
          Hint
        </button>
      </div>
      <div role="status" className="question-feedback">
        {scored &&
          (correct ? (
            <p className="feedback-correct">Correct. {question.explanation}</p>
          ) : (
            <p className="feedback-wrong">
              Not quite: the answer is {answerText.letter} {answerText.text}. {question.explanation}
            </p>
          ))}
        {answer.checked && isPractice(answer) && (
          <p className="feedback-practice">
            <strong>Practice, not scored:</strong> {answer.checked} {optionFor(answer.checked).text}{' '}
            {answer.checked === question.answer ? 'is right.' : 'is not the answer.'} Your score keeps your first answer, {scored}{' '}
            {optionFor(scored!).text}.
          </p>
        )}
      </div>
      {answer.hinted && (
        <div className="question-hint">
          <p>
            <strong>Hint:</strong> {question.hint.text}
          </p>
          {offerRun && (
            <p>
              The table shows the prediction.{' '}
              <button type="button" className="link-button" onClick={onRun}>
                Run the stream
              </button>{' '}
              to watch these cells fill in for real.
            </p>
          )}
        </div>
      )}
    </li>
  );
}
