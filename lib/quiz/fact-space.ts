import { N_MAX, N_MIN } from '@/lib/contract/params';
import type { Trace } from '@/lib/trace/types';
import { yieldRows } from './facts';
import type { Random } from './random';
import type { QuestionAsk, QuestionKind } from './types';

/**
 * Every distinct thing one kind of question can ask about a trace: its facts (the `ask`). Indexed
 * rather than listed, since a 10,000-frame trace has 60,000 template-change questions and a draw
 * needs one. Distinct indices are distinct facts.
 */
export interface FactSpace {
  size: number;
  at(index: number): QuestionAsk;
}

const indexed = (size: number, at: (index: number) => QuestionAsk): FactSpace => ({ size, at });
const listed = (asks: readonly QuestionAsk[]): FactSpace => indexed(asks.length, (index) => asks[index]!);

/** The spaces one after another. */
function joined(spaces: readonly FactSpace[]): FactSpace {
  return indexed(
    spaces.reduce((sum, space) => sum + space.size, 0),
    (index) => {
      let rest = index;
      for (const space of spaces) {
        if (rest < space.size) return space.at(rest);
        rest -= space.size;
      }
      throw new RangeError(`No fact at ${index}`);
    },
  );
}

/** Other ranges to imagine: near the current one, never equal to it, within the form's limits (1–10000). */
export function otherRanges(trace: Trace): number[] {
  const n = trace.params.n;
  return [n - 2, n - 1, n + 1, n + 2, n + 3].filter((m) => m >= N_MIN && m <= N_MAX);
}

/** Sleeps for "seconds to close" when the run had none: a zero sleep makes a dull question. */
export const SECONDS_QUESTION_DELAYS_MS = [500, 1000, 2000];

export const ALTERNATIVE_TEMPLATES = ['Tick {i}', 'Event #{i}', '{i} done', 'Update {i}!', 'Item {i} of many', 'step-{i}'];

const SPACES: Record<QuestionKind, (trace: Trace) => FactSpace> = {
  'i-at-message': (trace) => indexed(trace.params.n, (index) => ({ kind: 'i-at-message', k: index + 1 })),
  'close-step': (trace) => listed(otherRanges(trace).map((m) => ({ kind: 'close-step', m }))),
  'after-column-for-range': (trace) =>
    joined(
      otherRanges(trace).map((m) =>
        indexed(Math.min(trace.params.n, m), (index) => ({ kind: 'after-column-for-range', m, column: index + 1 })),
      ),
    ),
  'data-sent-at-step': (trace) => indexed(trace.rows.length, (index) => ({ kind: 'data-sent-at-step', step: trace.rows[index]!.step })),
  'connection-at-step': (trace) => indexed(trace.rows.length, (index) => ({ kind: 'connection-at-step', step: trace.rows[index]!.step })),
  'sleep-at-step': (trace) => indexed(trace.rows.length, (index) => ({ kind: 'sleep-at-step', step: trace.rows[index]!.step })),
  'rows-for-range': (trace) => listed(otherRanges(trace).map((m) => ({ kind: 'rows-for-range', m }))),
  'seconds-to-close': (trace) => {
    const delays = trace.params.delayMs > 0 ? [trace.params.delayMs] : SECONDS_QUESTION_DELAYS_MS;
    return listed(otherRanges(trace).flatMap((m) => delays.map((delayMs) => ({ kind: 'seconds-to-close' as const, m, delayMs }))));
  },
  'frame-bytes': (trace) => indexed(trace.params.n, (index) => ({ kind: 'frame-bytes', k: index + 1 })),
  'eventsource-end': () => listed([{ kind: 'eventsource-end' }]),
  'template-change': (trace) => {
    const yields = yieldRows(trace);
    const templates = ALTERNATIVE_TEMPLATES.filter((template) => template !== trace.params.template);
    return joined(
      templates.map((template) => indexed(yields.length, (index) => ({ kind: 'template-change', template, step: yields[index]!.step }))),
    );
  },
};

/** What `kind` can ask about `trace`. */
export const factSpace = (kind: QuestionKind, trace: Trace): FactSpace => SPACES[kind](trace);

/** Identifies a question by kind and facts, whatever its wording or option order. */
export function askKey(ask: QuestionAsk): string {
  return JSON.stringify(Object.entries(ask).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A random fact from `space` that is not yet in `asked` (keys from `askKey`), or undefined when
 * every fact in it has been asked. Scans on from a random index: among any `asked.size + 1`
 * consecutive indices one is unasked, so the scan is short, and finding none proves there is none.
 */
export function drawUnasked(space: FactSpace, asked: ReadonlySet<string>, random: Random): QuestionAsk | undefined {
  if (space.size === 0) return undefined;
  const start = Math.floor(random() * space.size);
  for (let step = 0; step < Math.min(space.size, asked.size + 1); step++) {
    const ask = space.at((start + step) % space.size);
    if (!asked.has(askKey(ask))) return ask;
  }
  return undefined;
}
