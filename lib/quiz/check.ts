import type { OptionLetter } from './types';

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

/** Checks the selected option: the first check is scored, every later one is practice. */
export function checkAnswer(answer: QuizAnswer): { answer: QuizAnswer; kind: CheckKind } {
  const { selected } = answer;
  if (!selected) return { answer, kind: 'none' };
  if (answer.scored === undefined) return { answer: { ...answer, scored: selected, checked: selected }, kind: 'scored' };
  return { answer: { ...answer, checked: selected }, kind: 'practice' };
}
