import { describe, expect, it } from 'vitest';
import { expectedTrace } from '@/lib/trace/expected';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { generateQuiz } from './generate';
import { answerKey, canCheck, checkAnswer, isPractice, scoreQuiz, type QuizAnswer } from './score';
import type { OptionLetter, QuizQuestion } from './types';

const questions = generateQuiz(expectedTrace(DEFAULT_PARAMS), 0, { count: 3, classic: true });
const wrong = (question: QuizQuestion): OptionLetter => question.options.find((option) => option.letter !== question.answer)!.letter;

/** Selects and checks each letter in turn, as a person clicking would. */
function checkInTurn(...letters: OptionLetter[]): QuizAnswer {
  let answer: QuizAnswer = {};
  for (const letter of letters) answer = checkAnswer({ ...answer, selected: letter }).answer;
  return answer;
}

describe('checkAnswer', () => {
  it('scores the first checked letter and judges every later one as practice', () => {
    const first = checkAnswer({ selected: 'C' });
    expect(first).toEqual({ kind: 'scored', answer: { selected: 'C', scored: 'C', checked: 'C' } });
    const again = checkAnswer({ ...first.answer, selected: 'B' });
    expect(again).toEqual({ kind: 'practice', answer: { selected: 'B', scored: 'C', checked: 'B' } });
    expect(isPractice(again.answer)).toBe(true);
  });

  it('does nothing when no option is picked', () => {
    expect(checkAnswer({ hinted: true })).toEqual({ kind: 'none', answer: { hinted: true } });
  });

  it('offers Check only for a picked option that is not the one just checked', () => {
    expect(canCheck({})).toBe(false);
    expect(canCheck({ selected: 'A' })).toBe(true);
    expect(canCheck({ selected: 'A', scored: 'A', checked: 'A' })).toBe(false);
    expect(canCheck({ selected: 'B', scored: 'A', checked: 'A' })).toBe(true);
  });
});

describe('scoreQuiz', () => {
  it('counts a question right only when its first checked answer was right', () => {
    const [first, second, third] = questions as [QuizQuestion, QuizQuestion, QuizQuestion];
    const answers = {
      [answerKey(first)]: checkInTurn(wrong(first), first.answer), // guessed, read the answer, checked it
      [answerKey(second)]: checkInTurn(second.answer, wrong(second)), // right, then practised a wrong one
      [answerKey(third)]: { selected: third.answer }, // picked, never checked
    };
    expect(scoreQuiz(questions, answers)).toEqual({ correct: 1, scored: 2, total: 3 });
  });

  it('scores nothing before any check, and ignores answers to other questions', () => {
    expect(scoreQuiz(questions, {})).toEqual({ correct: 0, scored: 0, total: 3 });
    expect(scoreQuiz(questions, { 'q1:another prompt': { scored: 'B', checked: 'B' } })).toEqual({ correct: 0, scored: 0, total: 3 });
  });
});
