/**
 * "What if" question kinds: the run you watched with one parameter changed (the range, the sleep
 * or the template). Their answers come from the lesson's prediction for the changed parameters.
 */
import { renderTemplate } from '@/lib/contract/params';
import { afterColumnValue, closeStep, formatNumber, ordinal, traceWith } from './facts';
import { buildOptions } from './options';
import type { QuestionGenerator } from './types';

/** The step that closes the connection for another range. */
export const closeStepQuestion: QuestionGenerator<'close-step'> = (trace, { m }, random) => {
  const close = closeStep(traceWith(trace, { n: m }));
  const distractors = [`Step ${close - 1}`, `Step ${close + 1}`, `Step ${m}`];
  return {
    ask: { kind: 'close-step', m },
    prompt: `If the range were ${m}, at which step would the connection close according to the execution_table?`,
    ...buildOptions(`Step ${close}`, distractors, (x) => `Step ${close + 2 + x}`, random),
    explanation:
      `With range(${m}) the table has a start row, ${m} yield rows and the end row, ` +
      `so the connection closes at step ${m} + 2 = ${close}.`,
    hint: {
      text: "Count the rows before 'Generator ends' in the table you watched, then adjust for the new range.",
      target: { table: 'execution', steps: [closeStep(trace)], columns: ['Step', 'Connection State'] },
    },
  };
};

/** An "After k" column of the Variable Tracker for another range. */
export const afterColumnForRangeQuestion: QuestionGenerator<'after-column-for-range'> = (trace, { m, column }, random) => {
  const label = `After ${column}`;
  const value = afterColumnValue(trace, m, column);
  const change = m > trace.params.n ? 'increase' : 'decrease';
  const distractors = [`It would be ${column}`, `It would be ${m - 1}`, `It would be ${column + 1}`, 'It would be None'];
  return {
    ask: { kind: 'after-column-for-range', m, column },
    prompt: `If we ${change} the range to ${m} in the generator, how would the '${label}' value of 'i' in variable_tracker change?`,
    ...buildOptions(`It would be ${value}`, distractors, (x) => `It would be ${column + 2 + x}`, random),
    explanation:
      `'${label}' is i after the ${ordinal(column)} iteration, ${value}, ` + `whatever the range, as long as the range reaches ${column}.`,
    hint: {
      text:
        `The '${label}' column shows the value after the ${ordinal(column)} iteration, ` + `which is index ${column - 1} starting from 0.`,
      target: { table: 'tracker', rows: ['i'], columns: [label] },
    },
  };
};

/** How many rows the Execution Table has for another range. */
export const rowsForRangeQuestion: QuestionGenerator<'rows-for-range'> = (trace, { m }, random) => {
  const rows = traceWith(trace, { n: m }).rows.length;
  return {
    ask: { kind: 'rows-for-range', m },
    prompt: `How many rows would the execution_table have if the range were ${m}?`,
    ...buildOptions(String(rows), [String(m), String(m + 1), String(m + 3)], (x) => String(m + 4 + x), random),
    explanation: `One row to start the generator, one per yield (${m}), and one when it ends: ${m} + 2 = ${rows}.`,
    hint: {
      text: `The table you watched has ${trace.rows.length} rows for range(${trace.params.n}).`,
      target: { table: 'execution', steps: trace.rows.map((r) => r.step), columns: ['Step'] },
    },
  };
};

/** Seconds from the first yield to the close, for another range and sleep. */
export const secondsToCloseQuestion: QuestionGenerator<'seconds-to-close'> = (trace, { m, delayMs }, random) => {
  const seconds = traceWith(trace, { n: m, delayMs }).rows.at(-1)!.atMs / 1000;
  const s = delayMs / 1000;
  const distractors = [formatNumber((m - 1) * s), formatNumber((m + 1) * s), formatNumber(m)];
  return {
    ask: { kind: 'seconds-to-close', m, delayMs },
    prompt: `With range(${m}) and time.sleep(${formatNumber(s)}), how many seconds pass from the first yield until the connection closes?`,
    ...buildOptions(formatNumber(seconds), distractors, (x) => formatNumber((m + 2 + x) * s), random),
    explanation:
      `The generator sleeps ${formatNumber(s)} s after each of its ${m} yields, the last one included, ` +
      `so it ends ${m} × ${formatNumber(s)} = ${formatNumber(seconds)} s after the first.`,
    hint: {
      text: "Compare the 'Arrived' times of the first yield and of 'Generator ends' in the run you watched.",
      target: { table: 'execution', steps: [2, closeStep(trace)], columns: ['Step', 'Sleep Time (s)'] },
    },
  };
};

/** The Data Sent cell at a step for another template. */
export const templateChangeQuestion: QuestionGenerator<'template-change'> = (trace, { template, step }, random) => {
  const row = trace.rows[step - 1]!;
  const answer = traceWith(trace, { template }).rows[row.step - 1]!.dataSent!;
  const i = row.i!;
  const distractors = [renderTemplate(template, i + 1), template, row.dataSent!, renderTemplate(template, i - 1)];
  return {
    ask: { kind: 'template-change', template, step: row.step },
    prompt: `If the template were changed to '${template}', what would the 'Data Sent' column show at step ${row.step}?`,
    ...buildOptions(answer, distractors, (x) => renderTemplate(template, i + 2 + x), random),
    explanation: `Step ${row.step} is the yield with i = ${i}; every {i} in '${template}' becomes ${i}: ${JSON.stringify(answer)}.`,
    hint: {
      text: `Find i at step ${row.step}, then put it in place of {i}.`,
      target: { table: 'execution', steps: [row.step], columns: ['Step', 'Data Sent'] },
    },
  };
};
