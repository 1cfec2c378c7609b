import * as z from 'zod/mini';
import { STREAM_MODES } from '@/lib/contract/params';
import { QUESTION_KINDS } from '@/lib/quiz/kinds';
import type { QuestionKind } from '@/lib/quiz/types';
import { HISTORY_LIMIT, PROGRESS_SCORING, type ProgressData } from './progress-data';

/**
 * The saved progress's shape, checked when it is read back. Its own module so the page loads zod
 * only when it reads saved progress, after it is up, not in its first-load JavaScript.
 */
const scoreEntrySchema = z.object({
  at: z.string(),
  quiz: z.union([z.literal('classic'), z.int().check(z.nonnegative())]),
  correct: z.int().check(z.nonnegative()),
  total: z.int().check(z.positive()),
  params: z.object({ n: z.int(), delayMs: z.int(), template: z.string(), mode: z.optional(z.enum(STREAM_MODES)) }),
});
const masterySchema = z.object({ correct: z.int().check(z.nonnegative()), attempts: z.int().check(z.nonnegative()) });
const progressSchema = z.object({
  scoring: z.literal(PROGRESS_SCORING),
  history: z.array(scoreEntrySchema).check(z.maxLength(HISTORY_LIMIT)),
  mastery: z.partialRecord(z.enum(QUESTION_KINDS as [QuestionKind, ...QuestionKind[]]), masterySchema),
  predictions: z.optional(
    z.object({ right: z.int().check(z.nonnegative()), predicted: z.int().check(z.nonnegative()), runs: z.int().check(z.nonnegative()) }),
  ),
});

// The schema must accept exactly the saved shape the store declares.
type Accepted = z.infer<typeof progressSchema>;
const _sameShape: [Accepted extends ProgressData ? true : false, ProgressData extends Accepted ? true : false] = [true, true];
void _sameShape;

/** Whether a saved value is progress this version can use. */
export function isProgressData(value: unknown): value is ProgressData {
  return progressSchema.safeParse(value).success;
}
