import type { Trace } from '@/lib/trace/types';
import { classicQuestions } from './classic';
import { askKey, drawUnasked, factSpace } from './fact-space';
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
 * set repeats a kind only after using them all. A set never asks the same thing twice (same kind,
 * same facts): a kind whose facts are all asked leaves the deck, and when every kind has, the
 * quiz is shorter than `count`.
 */
export function generateQuiz(trace: Trace, seed: number, options: QuizOptions): QuizQuestion[] {
  const random = createRandom(seed);
  const drafts = options.classic ? classicQuestions(trace).slice(0, options.count) : [];
  const asked = new Set(drafts.map((draft) => askKey(draft.ask)));
  const kinds = options.kinds ?? QUESTION_KINDS;
  const exhausted = new Set<QuestionKind>();
  let deck: QuestionKind[] = [];
  while (drafts.length < options.count && exhausted.size < kinds.length) {
    if (deck.length === 0)
      deck = shuffle(
        random,
        kinds.filter((kind) => !exhausted.has(kind)),
      );
    const kind = deck.pop()!;
    const ask = drawUnasked(factSpace(kind, trace), asked, random);
    if (!ask) {
      exhausted.add(kind);
      continue;
    }
    asked.add(askKey(ask));
    drafts.push(generateQuestion(ask, trace, random));
  }
  return drafts.map((draft, index) => ({ id: `q${index + 1}`, ...draft }));
}
