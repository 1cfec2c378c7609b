import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, N_MAX, N_MIN, type StreamParams } from '@/lib/contract/params';
import { expectedTrace } from '@/lib/trace/expected';
import { pythonStringLiteral } from '@/lib/trace/format';
import { variableTracker } from '@/lib/trace/tracker';
import type { Trace } from '@/lib/trace/types';
import { classicQuestions } from './classic';
import { askKey, factSpace } from './fact-space';
import { generateQuiz } from './generate';
import { QUESTION_KINDS } from './kinds';
import type { QuestionAsk } from './types';

/**
 * The answer to `ask`, worked out afresh from the trace's rows (or, for "what if" questions, from
 * the lesson's prediction for the changed parameters), without the quiz module's helpers.
 */
function recompute(trace: Trace, ask: QuestionAsk): string {
  const rows = trace.rows;
  const predicted = (change: Partial<StreamParams>) => expectedTrace({ ...trace.params, ...change });
  switch (ask.kind) {
    case 'i-at-message':
      return String(rows.filter((row) => row.action.startsWith('Yield '))[ask.k - 1]!.i);
    case 'close-step':
      return `Step ${predicted({ n: ask.m }).rows.findIndex((row) => row.connection === 'Closed') + 1}`;
    case 'after-column-for-range':
      return `It would be ${variableTracker(predicted({ n: ask.m }))[ask.column]!.i}`;
    case 'data-sent-at-step':
      return rows[ask.step - 1]!.dataSent ?? 'None';
    case 'connection-at-step':
      return rows[ask.step - 1]!.connection;
    case 'sleep-at-step':
      return String(rows[ask.step - 1]!.action.startsWith('Yield ') ? trace.params.delayMs / 1000 : 0);
    case 'rows-for-range':
      return String(predicted({ n: ask.m }).rows.length);
    case 'seconds-to-close': {
      const sleeps = predicted({ n: ask.m, delayMs: ask.delayMs }).rows.reduce((sum, row) => sum + (row.sleepSeconds ?? 0) * 1000, 0);
      return String(Math.round(sleeps) / 1000);
    }
    case 'frame-bytes': {
      const data = rows.filter((row) => row.action.startsWith('Yield '))[ask.k - 1]!.dataSent!;
      return pythonStringLiteral(
        data
          .split(/\r\n|\r|\n/)
          .map((line) => `data: ${line}\n`)
          .join('') + '\n',
      );
    }
    case 'eventsource-end':
      return 'It fires an error event, waits the retry time, then reconnects, and the generator runs again from the start';
    case 'template-change':
      return ask.template.split('{i}').join(String(rows[ask.step - 1]!.i));
  }
}

const anyParams = fc.record({
  n: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1000 })),
  delayMs: fc.oneof(fc.constant(0), fc.constant(1000), fc.integer({ min: 0, max: 10_000 })),
  template: fc.oneof(
    fc.constant('Message {i}'),
    fc.string({ minLength: 1, maxLength: 30 }),
    fc
      .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
      .map(([a, b]) => `${a}{i}${b}`)
      .filter((t) => t.length > 0),
  ),
});

describe('generateQuiz', () => {
  it('marks an answer equal to an independent recomputation, with four distinct options and exactly one correct', () => {
    fc.assert(
      fc.property(anyParams, fc.nat(), fc.boolean(), (params, seed, classic) => {
        const trace = expectedTrace(params);
        const quiz = generateQuiz(trace, seed, { count: 14, classic });
        expect(quiz).toHaveLength(14);
        for (const question of quiz) {
          const texts = question.options.map((option) => option.text);
          expect(new Set(texts).size).toBe(4);
          expect(question.options.map((option) => option.letter)).toEqual(['A', 'B', 'C', 'D']);
          const expected = recompute(trace, question.ask);
          expect(texts.filter((text) => text === expected)).toHaveLength(1);
          expect(question.options.find((option) => option.letter === question.answer)!.text).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same quiz for the same seed, and usually another for another seed', () => {
    fc.assert(
      fc.property(anyParams, fc.nat(), (params, seed) => {
        const trace = expectedTrace(params);
        expect(generateQuiz(trace, seed, { count: 6, classic: false })).toEqual(generateQuiz(trace, seed, { count: 6, classic: false }));
      }),
      { numRuns: 50 },
    );
    const trace = expectedTrace({ n: 3, delayMs: 1000, template: 'Message {i}' });
    const prompts = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        generateQuiz(trace, seed, { count: 3, classic: false })
          .map((q) => q.prompt)
          .join('|'),
      ),
    );
    expect(prompts.size).toBeGreaterThan(15);
  });

  it('draws at least eight kinds, each of them before repeating one', () => {
    expect(QUESTION_KINDS.length).toBeGreaterThanOrEqual(8);
    const trace = expectedTrace({ n: 4, delayMs: 500, template: 'Message {i}' });
    const kinds = generateQuiz(trace, 7, { count: QUESTION_KINDS.length, classic: false }).map((q) => q.ask.kind);
    expect(new Set(kinds)).toEqual(new Set(QUESTION_KINDS));
  });

  it('asks about what was observed when given an observed trace', () => {
    const observed: Trace = { ...expectedTrace({ n: 2, delayMs: 1000, template: 'Hi {i}' }), source: 'observed' };
    const quiz = generateQuiz(observed, 3, { count: 3, classic: true });
    expect(quiz[0]!.explanation).toContain('"Hi 1"');
  });

  it('never asks the same thing twice in a set (same kind and facts, whatever the options), as far as the facts go', () => {
    fc.assert(
      fc.property(anyParams, fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 30 }), (params, seed, classic, count) => {
        const trace = expectedTrace(params);
        const quiz = generateQuiz(trace, seed, { count, classic });
        const keys = quiz.map((question) => askKey(question.ask));
        expect(new Set(keys).size).toBe(keys.length);
        expect(quiz.length).toBe(Math.min(count, distinctQuestions(trace, classic)));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps every range it asks about within the form's limits, even at range 10000", () => {
    const nearLimits = fc.record({
      n: fc.oneof(fc.integer({ min: N_MAX - 3, max: N_MAX }), fc.integer({ min: N_MIN, max: N_MIN + 3 })),
      delayMs: fc.constantFrom(0, 1000),
      template: fc.constant('Message {i}'),
    });
    fc.assert(
      fc.property(nearLimits, fc.nat(), fc.boolean(), (params, seed, classic) => {
        for (const question of generateQuiz(expectedTrace(params), seed, { count: 30, classic })) {
          const ranges = [...question.prompt.matchAll(/range(?: to | were |\()(\d+)/g)].map((match) => Number(match[1]));
          if ('m' in question.ask) ranges.push(question.ask.m);
          for (const m of ranges) expect(m, question.prompt).toBeGreaterThanOrEqual(N_MIN);
          for (const m of ranges) expect(m, question.prompt).toBeLessThanOrEqual(N_MAX);
        }
      }),
      { numRuns: 40 },
    );
    const [, , third] = classicQuestions(expectedTrace({ ...DEFAULT_PARAMS, n: N_MAX }));
    expect(third!.prompt).toBe(
      "If we decrease the range to 9998 in the generator, how would the 'After 3' value of 'i' in variable_tracker change?",
    );
  });

  it.each([
    ["the lesson's set after one More questions", 0, true, 6],
    ['?quiz=777 after five More questions', 777, false, 18],
  ])('repeats no question in %s', (_, seed, classic, count) => {
    const quiz = generateQuiz(expectedTrace(DEFAULT_PARAMS), seed, { count, classic });
    expect(quiz).toHaveLength(count);
    expect(new Set(quiz.map((question) => question.prompt)).size).toBe(count);
  });
});

/** How many different questions there are to ask about `trace`: every kind's facts, and the seed's. */
function distinctQuestions(trace: Trace, classic: boolean): number {
  const keys = new Set(classic ? classicQuestions(trace).map((draft) => askKey(draft.ask)) : []);
  for (const kind of QUESTION_KINDS) {
    const space = factSpace(kind, trace);
    for (let index = 0; index < space.size; index++) keys.add(askKey(space.at(index)));
  }
  return keys.size;
}
