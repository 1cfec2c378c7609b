import { renderTemplate } from '@/lib/contract/params';
import { shuffle, type Random } from './random';
import { OPTION_LETTERS, type OptionLetter, type QuizOption, type QuizQuestion } from './types';

/**
 * Four distinct options, exactly one of them `correct`. Distractors are taken in the order given
 * (most plausible first), skipping repeats of the answer or of each other; `fallback(k)` supplies
 * more when the given ones run out. Shuffled when a `random` is given, else kept in order.
 */
export function buildOptions(
  correct: string,
  distractors: readonly string[],
  fallback: (k: number) => string,
  random?: Random,
): { options: QuizQuestion['options']; answer: OptionLetter } {
  const texts = [correct];
  for (const text of distractors) if (texts.length < 4 && !texts.includes(text)) texts.push(text);
  for (let k = 0; texts.length < 4; k++) {
    const text = fallback(k);
    if (!texts.includes(text)) texts.push(text);
    // WARNING: a fallback that keeps repeating itself would loop forever; that is a programmer mistake.
    if (k > 1000) throw new Error(`Not enough distinct options for ${correct}`);
  }
  const ordered = random ? shuffle(random, texts) : texts;
  const options = ordered.map((text, index): QuizOption => ({ letter: OPTION_LETTERS[index]!, text }));
  return { options: options as QuizQuestion['options'], answer: OPTION_LETTERS[ordered.indexOf(correct)]! };
}

/** Options in the seed's own order, with the answer at the letter the seed gives it. */
export function fixedOptions(texts: readonly [string, string, string, string], correct: string) {
  const options = texts.map((text, index): QuizOption => ({ letter: OPTION_LETTERS[index]!, text }));
  const index = texts.indexOf(correct);
  if (index < 0 || new Set(texts).size !== 4) throw new Error(`Options ${texts.join(', ')} must be distinct and hold ${correct}`);
  return { options: options as QuizQuestion['options'], answer: OPTION_LETTERS[index]! };
}

/** The template for i, made distinct per i even when it has no {i} (for filling out distractors). */
export function numbered(template: string, i: number): string {
  return template.includes('{i}') ? renderTemplate(template, i) : `${template} ${i}`;
}
