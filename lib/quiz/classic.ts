import { N_MAX } from '@/lib/contract/params';
import type { Trace } from '@/lib/trace/types';
import { afterColumnValue, closeStep, ordinal, yieldRows } from './facts';
import { fixedOptions } from './options';
import type { QuizQuestion } from './types';

type Draft = Omit<QuizQuestion, 'id'>;

/** The words of an "i when the k-th message is sent" question, shared by the seed's and generated ones. */
export function iAtMessageWords(trace: Trace, k: number) {
  const row = yieldRows(trace)[k - 1]!;
  return {
    ask: { kind: 'i-at-message', k } as const,
    answer: String(row.i),
    prompt: `Look at the execution_table, what is the value of 'i' when the ${ordinal(k)} message is sent?`,
    explanation: `The ${ordinal(k)} message, ${JSON.stringify(row.dataSent)}, is sent at step ${row.step}; in that row i is ${row.i}, because range() counts from 0.`,
    hint: {
      text: `Check the 'Data Sent' and 'Step' columns for when the ${ordinal(k)} message is sent.`,
      target: { table: 'execution' as const, steps: [row.step], columns: ['Step' as const, 'Data Sent' as const] },
    },
  };
}

/** Seed question 1: the value of i when the second message is sent (the first, if only one is). */
export function iWhenMessageSent(trace: Trace): Draft {
  const { answer, ...words } = iAtMessageWords(trace, Math.min(2, trace.params.n));
  return { ...words, ...fixedOptions(['0', '1', '2', 'None'], answer) };
}

/** Seed question 2: the step at which the connection closes. */
export function stepWhenConnectionCloses(trace: Trace): Draft {
  const close = closeStep(trace);
  const before = close - 3 >= 1 ? close - 3 : close + 1;
  const texts = [close - 2, close - 1, close, before].map((step) => `Step ${step}`) as [string, string, string, string];
  return {
    ask: { kind: 'close-step', m: trace.params.n },
    prompt: 'At which step does the connection close according to the execution_table?',
    ...fixedOptions(texts, `Step ${close}`),
    explanation: `Step ${close} is '${trace.rows[close - 1]!.action}': the Connection State column changes from Open to Closed there.`,
    hint: {
      text: "Look at the 'Connection State' column for when it changes to 'Closed'.",
      target: { table: 'execution', steps: [close - 1, close], columns: ['Step', 'Connection State'] },
    },
  };
}

/**
 * Seed question 3: a wider range leaves an earlier "After k" column of i unchanged. Near the form's
 * largest range (10000) there is no wider one to ask about, so it asks about a narrower one.
 */
export function afterColumnWhenRangeGrows(trace: Trace): Draft {
  const n = trace.params.n;
  const m = n + 2 <= N_MAX ? n + 2 : n - 2;
  const column = Math.min(3, n);
  const label = `After ${column}`;
  const value = afterColumnValue(trace, m, column);
  const texts = [0, 1, 2, 3].map((offset) => `It would be ${column - 1 + offset}`) as [string, string, string, string];
  const [change, effect] =
    m > n ? ['increase', `only adds columns after 'After ${n}'`] : ['decrease', `only removes columns after 'After ${m}'`];
  return {
    ask: { kind: 'after-column-for-range', m, column },
    prompt: `If we ${change} the range to ${m} in the generator, how would the '${label}' value of 'i' in variable_tracker change?`,
    ...fixedOptions(texts, `It would be ${value}`),
    explanation: `A range of ${m} ${effect}; '${label}' is still i after the ${ordinal(column)} iteration, which is ${value}.`,
    hint: {
      text: `The '${label}' column shows the value after the ${ordinal(column)} iteration, which is index ${column - 1} starting from 0.`,
      target: { table: 'tracker', rows: ['i'], columns: [label] },
    },
  };
}

/** The seed's three quiz questions, rebuilt from this trace (word for word for the defaults). */
export function classicQuestions(trace: Trace): Draft[] {
  return [iWhenMessageSent(trace), stepWhenConnectionCloses(trace), afterColumnWhenRangeGrows(trace)];
}
