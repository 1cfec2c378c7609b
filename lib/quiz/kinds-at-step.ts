/**
 * Question kinds that read one step of the run you watched: a cell of the Execution Table, looked
 * up by its step (or by which message it sent).
 */
import { executionCells } from '@/lib/trace/table';
import { iAtMessageWords } from './classic';
import { formatNumber } from './facts';
import { buildOptions, numbered } from './options';
import type { QuestionGenerator } from './types';

/** i in the row that sends the k-th message. */
export const iAtMessageQuestion: QuestionGenerator<'i-at-message'> = (trace, { k }, random) => {
  const { answer, ...words } = iAtMessageWords(trace, k);
  const i = k - 1;
  const distractors = [String(i + 1), 'None', String(i - 1), String(k + 1)].filter((t) => t !== '-1');
  return { ...words, ...buildOptions(answer, distractors, (x) => String(k + 2 + x), random) };
};

/** The Data Sent cell at a step. */
export const dataSentAtStepQuestion: QuestionGenerator<'data-sent-at-step'> = (trace, { step }, random) => {
  const row = trace.rows[step - 1]!;
  const answer = executionCells(row)[2];
  const others = trace.rows.filter((r) => r !== row).map((r) => executionCells(r)[2]);
  const n = trace.params.n;
  const distractors = ['None', ...others.slice(Math.max(0, row.step - 2), row.step + 1)];
  return {
    ask: { kind: 'data-sent-at-step', step: row.step },
    prompt: `What does the execution_table show in the 'Data Sent' column at step ${row.step}?`,
    ...buildOptions(answer, distractors, (x) => numbered(trace.params.template, n + x), random),
    explanation:
      row.dataSent === null
        ? `Step ${row.step} is '${row.action}': nothing is sent, so Data Sent is None.`
        : `Step ${row.step} yields i = ${row.i}, so its Data Sent is the template with {i} replaced: ${JSON.stringify(row.dataSent)}.`,
    hint: {
      text: `Find step ${row.step} in the table and read across to 'Data Sent'.`,
      target: { table: 'execution', steps: [row.step], columns: ['Step', 'Data Sent'] },
    },
  };
};

/** The Connection State cell at a step. */
export const connectionAtStepQuestion: QuestionGenerator<'connection-at-step'> = (trace, { step }, random) => {
  const row = trace.rows[step - 1]!;
  return {
    ask: { kind: 'connection-at-step', step: row.step },
    prompt: `What is the Connection State at step ${row.step} of the execution_table?`,
    ...buildOptions(row.connection, ['Open', 'Closed', 'Connecting', 'Reconnecting'], (x) => `Unknown ${x}`, random),
    explanation:
      row.connection === 'Closed'
        ? `Step ${row.step} is '${row.action}': the response has ended, so the connection is Closed.`
        : `At step ${row.step} the generator has not finished, so the server holds the connection Open.`,
    hint: {
      text: "Read the 'Connection State' column; it changes only when the generator ends.",
      target: { table: 'execution', steps: [row.step], columns: ['Step', 'Connection State'] },
    },
  };
};

/** The Sleep Time cell at a step. */
export const sleepAtStepQuestion: QuestionGenerator<'sleep-at-step'> = (trace, { step }, random) => {
  const row = trace.rows[step - 1]!;
  const answer = executionCells(row)[3];
  const delay = trace.params.delayMs / 1000 || 1;
  const distractors = ['0', formatNumber(delay), formatNumber(delay * 2), formatNumber(delay / 2)];
  return {
    ask: { kind: 'sleep-at-step', step: row.step },
    prompt: `What is the Sleep Time (s) at step ${row.step} of the execution_table?`,
    ...buildOptions(answer, distractors, (x) => formatNumber(delay * (3 + x)), random),
    explanation:
      row.kind === 'yield'
        ? `Step ${row.step} is a yield, and time.sleep(${trace.params.delayMs / 1000}) follows every yield.`
        : `Step ${row.step} is '${row.action}': no sleep follows it, so 0.`,
    hint: {
      text: 'Only the yield rows are followed by time.sleep.',
      target: { table: 'execution', steps: [row.step], columns: ['Action', 'Sleep Time (s)'] },
    },
  };
};
