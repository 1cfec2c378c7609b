'use client';

import { useId } from 'react';
import type { QuizQuestion } from '@/lib/quiz/types';
import type { AnswerState } from '@/lib/store/quiz-store';

interface QuestionCardProps {
  number: number;
  question: QuizQuestion;
  answer: AnswerState;
  /** True when the tables show a prediction: the hint then offers to run the real stream. */
  offerRun: boolean;
  onSelect: (letter: QuizQuestion['answer']) => void;
  onCheck: () => void;
  onHint: () => void;
  onRun: () => void;
}

/** One question: a radio group named by its prompt, Check with feedback in place, and a Hint. */
export function QuestionCard({ number, question, answer, offerRun, onSelect, onCheck, onHint, onRun }: QuestionCardProps) {
  const baseId = useId();
  const promptId = `${baseId}-prompt`;
  const checked = answer.checked;
  const correct = checked === question.answer;
  const answerText = question.options.find((option) => option.letter === question.answer)!;

  return (
    <li className={`question ${checked ? (correct ? 'question-correct' : 'question-wrong') : ''}`}>
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
        <button type="button" className="button" onClick={onCheck} disabled={!answer.selected || answer.selected === checked}>
          Check
        </button>
        <button type="button" className="button" onClick={onHint} aria-pressed={answer.hinted ?? false}>
          Hint
        </button>
      </div>
      <div role="status" className="question-feedback">
        {checked &&
          (correct ? (
            <p className="feedback-correct">Correct. {question.explanation}</p>
          ) : (
            <p className="feedback-wrong">
              Not quite: the answer is {answerText.letter} {answerText.text}. {question.explanation}
            </p>
          ))}
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
