import type { QuizAnswer } from './check';
import type { QuizQuestion } from './types';

export { checkAnswer, type CheckKind, type QuizAnswer } from './check';

/** The key an answer is kept under: id and prompt, so answers fall away when the questions change. */
export const answerKey = (question: Pick<QuizQuestion, 'id' | 'prompt'>) => `${question.id}:${question.prompt}`;

/** Whether Check has something to judge: an option picked that is not the one just checked. */
export const canCheck = (answer: QuizAnswer) => answer.selected !== undefined && answer.selected !== answer.checked;

/** Whether the most recent check was practice after the scored one. */
export const isPractice = (answer: QuizAnswer) => answer.scored !== undefined && answer.checked !== answer.scored;

export interface QuizScore {
  /** Questions whose first checked answer was right. */
  correct: number;
  /** Questions checked at least once. */
  scored: number;
  total: number;
}

/** The score of a set: first checked answers only; practice after them changes nothing. */
export function scoreQuiz(questions: readonly QuizQuestion[], answers: Readonly<Record<string, QuizAnswer | undefined>>): QuizScore {
  let correct = 0;
  let scored = 0;
  for (const question of questions) {
    const first = answers[answerKey(question)]?.scored;
    if (first === undefined) continue;
    scored += 1;
    if (first === question.answer) correct += 1;
  }
  return { correct, scored, total: questions.length };
}
