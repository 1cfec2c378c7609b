import type { OptionLetter, QuizQuestion } from './types';

/**
 * A person's answer to one question. The first letter they check is scored, once and for good:
 * guessing, reading "Not quite: the answer is B", then checking B must not earn the point. They
 * may go on checking other letters as practice, which is judged but never scored.
 */
export interface QuizAnswer {
  /** The option picked now, checked or not. */
  selected?: OptionLetter;
  /** The first letter checked: the one that counts. Never changes once set. */
  scored?: OptionLetter;
  /** The letter checked most recently: `scored`, or a later practice check. */
  checked?: OptionLetter;
  hinted?: boolean;
}

/** What a Check did: scored the question, judged practice, or nothing (no option picked). */
export type CheckKind = 'scored' | 'practice' | 'none';

/** The key an answer is kept under: id and prompt, so answers fall away when the questions change. */
export const answerKey = (question: Pick<QuizQuestion, 'id' | 'prompt'>) => `${question.id}:${question.prompt}`;

/** Checks the selected option: the first check is scored, every later one is practice. */
export function checkAnswer(answer: QuizAnswer): { answer: QuizAnswer; kind: CheckKind } {
  const { selected } = answer;
  if (!selected) return { answer, kind: 'none' };
  if (answer.scored === undefined) return { answer: { ...answer, scored: selected, checked: selected }, kind: 'scored' };
  return { answer: { ...answer, checked: selected }, kind: 'practice' };
}

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
