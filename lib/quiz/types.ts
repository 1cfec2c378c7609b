import type { TableHighlight } from '@/lib/trace/highlight';
import type { Trace } from '@/lib/trace/types';
import type { Random } from './random';

export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

export interface QuizOption {
  letter: OptionLetter;
  text: string;
}

/** The cells a hint lights up. */
export type HintTarget = TableHighlight;

/**
 * What a question asks, with its arguments: enough for a test to recompute the answer from the
 * trace on its own, and for progress to count mastery per kind.
 */
export type QuestionAsk =
  | { kind: 'i-at-message'; k: number }
  | { kind: 'close-step'; m: number }
  | { kind: 'after-column-for-range'; m: number; column: number }
  | { kind: 'data-sent-at-step'; step: number }
  | { kind: 'connection-at-step'; step: number }
  | { kind: 'sleep-at-step'; step: number }
  | { kind: 'rows-for-range'; m: number }
  | { kind: 'seconds-to-close'; m: number; delayMs: number }
  | { kind: 'frame-bytes'; k: number }
  | { kind: 'eventsource-end' }
  | { kind: 'template-change'; template: string; step: number };

export type QuestionKind = QuestionAsk['kind'];

export interface QuizQuestion {
  /** Stable within a quiz: `q1`, `q2`… */
  id: string;
  ask: QuestionAsk;
  prompt: string;
  options: [QuizOption, QuizOption, QuizOption, QuizOption];
  answer: OptionLetter;
  /** Why the answer is right, naming the row and column that hold it. */
  explanation: string;
  hint: { text: string; target: HintTarget };
}

/** A question before the quiz numbers it. */
export type QuestionDraft = Omit<QuizQuestion, 'id'>;

/** Words, options, explanation and hint for given facts; `random` only orders the options. */
export type QuestionGenerator<K extends QuestionKind> = (
  trace: Trace,
  ask: Extract<QuestionAsk, { kind: K }>,
  random: Random,
) => QuestionDraft;
