import type { Trace } from '@/lib/trace/types';
import { classicQuestions } from './classic';
import { QUESTION_KINDS, generateQuestion } from './kinds';
import { createRandom, shuffle } from './random';
import type { QuestionKind, QuizQuestion } from './types';

export interface QuizOptions {
  /** How many questions in all. */
  count: number;
  /** Start with the seed's three questions (the lesson's own quiz). */
  classic: boolean;
  /** Only these kinds are generated (all by default). */
  kinds?: readonly QuestionKind[];
}

/**
 * A quiz about `trace`: the seed's three questions first when `classic`, then generated ones.
 * Pure: the same trace, seed and options give the same quiz. Kinds are dealt like cards, so a
 * set repeats a kind only after using them all.
 */
export function generateQuiz(trace: Trace, seed: number, options: QuizOptions): QuizQuestion[] {
  const random = createRandom(seed);
  const drafts = options.classic ? classicQuestions(trace).slice(0, options.count) : [];
  const kinds = options.kinds ?? QUESTION_KINDS;
  let deck: QuestionKind[] = [];
  while (drafts.length < options.count) {
    if (deck.length === 0) deck = shuffle(random, kinds);
    drafts.push(generateQuestion(deck.pop()!, trace, random));
  }
  return drafts.map((draft, index) => ({ id: `q${index + 1}`, ...draft }));
}
