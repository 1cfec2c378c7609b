/**
 * The registry of generated question kinds: each kind's generator (written by family in
 * `kinds-at-step.ts`, `kinds-what-if.ts` and `kinds-wire.ts`) and its label.
 */
import type { Trace } from '@/lib/trace/types';
import { connectionAtStepQuestion, dataSentAtStepQuestion, iAtMessageQuestion, sleepAtStepQuestion } from './kinds-at-step';
import {
  afterColumnForRangeQuestion,
  closeStepQuestion,
  rowsForRangeQuestion,
  secondsToCloseQuestion,
  templateChangeQuestion,
} from './kinds-what-if';
import { eventSourceEndQuestion, frameBytesQuestion } from './kinds-wire';
import type { Random } from './random';
import type { QuestionAsk, QuestionDraft, QuestionGenerator, QuestionKind } from './types';

// WARNING: the order of these keys is QUESTION_KINDS's order, which `generateQuiz` shuffles with
// the seed: reordering them changes the quiz every `?quiz=SEED` link opens.
const GENERATORS: { [K in QuestionKind]: QuestionGenerator<K> } = {
  'i-at-message': iAtMessageQuestion,
  'close-step': closeStepQuestion,
  'after-column-for-range': afterColumnForRangeQuestion,
  'data-sent-at-step': dataSentAtStepQuestion,
  'connection-at-step': connectionAtStepQuestion,
  'sleep-at-step': sleepAtStepQuestion,
  'rows-for-range': rowsForRangeQuestion,
  'seconds-to-close': secondsToCloseQuestion,
  'frame-bytes': frameBytesQuestion,
  'eventsource-end': eventSourceEndQuestion,
  'template-change': templateChangeQuestion,
};

/** Every kind a generated quiz draws from. */
export const QUESTION_KINDS = Object.keys(GENERATORS) as QuestionKind[];

/** The question that asks `ask` about `trace` (facts from `factSpace`). */
export function generateQuestion(ask: QuestionAsk, trace: Trace, random: Random): QuestionDraft {
  // The map pairs each kind with its own generator; TypeScript cannot follow that through an index.
  return (GENERATORS[ask.kind] as QuestionGenerator<QuestionKind>)(trace, ask as never, random);
}

/** What each kind asks, in a few words, for the mastery table. */
export const KIND_LABELS: Record<QuestionKind, string> = {
  'i-at-message': 'i when a message is sent',
  'close-step': 'the step that closes the connection',
  'after-column-for-range': "an 'After k' column for another range",
  'data-sent-at-step': 'Data Sent at a step',
  'connection-at-step': 'Connection State at a step',
  'sleep-at-step': 'Sleep Time at a step',
  'rows-for-range': 'table rows for another range',
  'seconds-to-close': 'seconds from first yield to close',
  'frame-bytes': 'the exact bytes of a frame',
  'eventsource-end': 'what EventSource does at the end',
  'template-change': 'Data Sent for another template',
};
