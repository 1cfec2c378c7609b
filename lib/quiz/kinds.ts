import { renderTemplate } from '@/lib/contract/params';
import { pythonStringLiteral } from '@/lib/trace/format';
import { executionCells } from '@/lib/trace/table';
import type { Trace } from '@/lib/trace/types';
import { iAtMessageWords } from './classic';
import { afterColumnValue, closeStep, formatNumber, ordinal, traceWith, yieldRows } from './facts';
import { buildOptions } from './options';
import type { Random } from './random';
import type { QuestionAsk, QuestionKind, QuizQuestion } from './types';

type Draft = Omit<QuizQuestion, 'id'>;
/** Words, options, explanation and hint for given facts; `random` only orders the options. */
type Generator<K extends QuestionKind> = (trace: Trace, ask: Extract<QuestionAsk, { kind: K }>, random: Random) => Draft;

/** The template for i, made distinct per i even when it has no {i} (for filling out distractors). */
function numbered(template: string, i: number): string {
  return template.includes('{i}') ? renderTemplate(template, i) : `${template} ${i}`;
}

const GENERATORS: { [K in QuestionKind]: Generator<K> } = {
  'i-at-message': (trace, { k }, random) => {
    const { answer, ...words } = iAtMessageWords(trace, k);
    const i = k - 1;
    return { ...words, ...buildOptions(answer, [String(i + 1), 'None', String(i - 1), String(k + 1)].filter((t) => t !== '-1'), (x) => String(k + 2 + x), random) };
  },

  'close-step': (trace, { m }, random) => {
    const close = closeStep(traceWith(trace, { n: m }));
    return {
      ask: { kind: 'close-step', m },
      prompt: `If the range were ${m}, at which step would the connection close according to the execution_table?`,
      ...buildOptions(`Step ${close}`, [`Step ${close - 1}`, `Step ${close + 1}`, `Step ${m}`], (x) => `Step ${close + 2 + x}`, random),
      explanation: `With range(${m}) the table has a start row, ${m} yield rows and the end row, so the connection closes at step ${m} + 2 = ${close}.`,
      hint: { text: "Count the rows before 'Generator ends' in the table you watched, then adjust for the new range.", target: { table: 'execution', steps: [closeStep(trace)], columns: ['Step', 'Connection State'] } },
    };
  },

  'after-column-for-range': (trace, { m, column }, random) => {
    const label = `After ${column}`;
    const value = afterColumnValue(trace, m, column);
    const change = m > trace.params.n ? 'increase' : 'decrease';
    return {
      ask: { kind: 'after-column-for-range', m, column },
      prompt: `If we ${change} the range to ${m} in the generator, how would the '${label}' value of 'i' in variable_tracker change?`,
      ...buildOptions(`It would be ${value}`, [`It would be ${column}`, `It would be ${m - 1}`, `It would be ${column + 1}`, 'It would be None'], (x) => `It would be ${column + 2 + x}`, random),
      explanation: `'${label}' is i after the ${ordinal(column)} iteration, ${value}, whatever the range, as long as the range reaches ${column}.`,
      hint: { text: `The '${label}' column shows the value after the ${ordinal(column)} iteration, which is index ${column - 1} starting from 0.`, target: { table: 'tracker', rows: ['i'], columns: [label] } },
    };
  },

  'data-sent-at-step': (trace, { step }, random) => {
    const row = trace.rows[step - 1]!;
    const answer = executionCells(row)[2];
    const others = trace.rows.filter((r) => r !== row).map((r) => executionCells(r)[2]);
    const n = trace.params.n;
    return {
      ask: { kind: 'data-sent-at-step', step: row.step },
      prompt: `What does the execution_table show in the 'Data Sent' column at step ${row.step}?`,
      ...buildOptions(answer, ['None', ...others.slice(Math.max(0, row.step - 2), row.step + 1)], (x) => numbered(trace.params.template, n + x), random),
      explanation: row.dataSent === null ? `Step ${row.step} is '${row.action}': nothing is sent, so Data Sent is None.` : `Step ${row.step} yields i = ${row.i}, so its Data Sent is the template with {i} replaced: ${JSON.stringify(row.dataSent)}.`,
      hint: { text: `Find step ${row.step} in the table and read across to 'Data Sent'.`, target: { table: 'execution', steps: [row.step], columns: ['Step', 'Data Sent'] } },
    };
  },

  'connection-at-step': (trace, { step }, random) => {
    const row = trace.rows[step - 1]!;
    return {
      ask: { kind: 'connection-at-step', step: row.step },
      prompt: `What is the Connection State at step ${row.step} of the execution_table?`,
      ...buildOptions(row.connection, ['Open', 'Closed', 'Connecting', 'Reconnecting'], (x) => `Unknown ${x}`, random),
      explanation:
        row.connection === 'Closed'
          ? `Step ${row.step} is '${row.action}': the response has ended, so the connection is Closed.`
          : `At step ${row.step} the generator has not finished, so the server holds the connection Open.`,
      hint: { text: "Read the 'Connection State' column; it changes only when the generator ends.", target: { table: 'execution', steps: [row.step], columns: ['Step', 'Connection State'] } },
    };
  },

  'sleep-at-step': (trace, { step }, random) => {
    const row = trace.rows[step - 1]!;
    const answer = executionCells(row)[3];
    const delay = trace.params.delayMs / 1000 || 1;
    return {
      ask: { kind: 'sleep-at-step', step: row.step },
      prompt: `What is the Sleep Time (s) at step ${row.step} of the execution_table?`,
      ...buildOptions(answer, ['0', formatNumber(delay), formatNumber(delay * 2), formatNumber(delay / 2)], (x) => formatNumber(delay * (3 + x)), random),
      explanation: row.kind === 'yield' ? `Step ${row.step} is a yield, and time.sleep(${trace.params.delayMs / 1000}) follows every yield.` : `Step ${row.step} is '${row.action}': no sleep follows it, so 0.`,
      hint: { text: 'Only the yield rows are followed by time.sleep.', target: { table: 'execution', steps: [row.step], columns: ['Action', 'Sleep Time (s)'] } },
    };
  },

  'rows-for-range': (trace, { m }, random) => {
    const rows = traceWith(trace, { n: m }).rows.length;
    return {
      ask: { kind: 'rows-for-range', m },
      prompt: `How many rows would the execution_table have if the range were ${m}?`,
      ...buildOptions(String(rows), [String(m), String(m + 1), String(m + 3)], (x) => String(m + 4 + x), random),
      explanation: `One row to start the generator, one per yield (${m}), and one when it ends: ${m} + 2 = ${rows}.`,
      hint: { text: `The table you watched has ${trace.rows.length} rows for range(${trace.params.n}).`, target: { table: 'execution', steps: trace.rows.map((r) => r.step), columns: ['Step'] } },
    };
  },

  'seconds-to-close': (trace, { m, delayMs }, random) => {
    const seconds = traceWith(trace, { n: m, delayMs }).rows.at(-1)!.atMs / 1000;
    const s = delayMs / 1000;
    return {
      ask: { kind: 'seconds-to-close', m, delayMs },
      prompt: `With range(${m}) and time.sleep(${formatNumber(s)}), how many seconds pass from the first yield until the connection closes?`,
      ...buildOptions(formatNumber(seconds), [formatNumber((m - 1) * s), formatNumber((m + 1) * s), formatNumber(m)], (x) => formatNumber((m + 2 + x) * s), random),
      explanation: `The generator sleeps ${formatNumber(s)} s after each of its ${m} yields, the last one included, so it ends ${m} × ${formatNumber(s)} = ${formatNumber(seconds)} s after the first.`,
      hint: { text: "Compare the 'Arrived' times of the first yield and of 'Generator ends' in the run you watched.", target: { table: 'execution', steps: [2, closeStep(trace)], columns: ['Step', 'Sleep Time (s)'] } },
    };
  },

  'frame-bytes': (trace, { k }, random) => {
    const row = yieldRows(trace)[k - 1]!;
    const frame = row.frame!;
    const data = row.dataSent!;
    const next = renderTemplate(trace.params.template, k);
    return {
      ask: { kind: 'frame-bytes', k },
      prompt: `Which exact bytes does the server send for the ${ordinal(k)} message?`,
      ...buildOptions(
        pythonStringLiteral(frame),
        [pythonStringLiteral(frame.slice(0, -1)), pythonStringLiteral(`${data}\n\n`), pythonStringLiteral(`event: ${data.split('\n')[0]}\n\n`), pythonStringLiteral(`data: ${next}\n\n`)],
        (x) => pythonStringLiteral(`data: ${numbered(trace.params.template, k + 1 + x)}\n\n`),
        random,
      ),
      explanation: `Each line of the message goes out as 'data: ' plus the line, and a blank line ends the frame: step ${row.step} shows exactly ${pythonStringLiteral(frame)}.`,
      hint: { text: `Read the Action column of step ${row.step}: the yield shows the bytes, with \\n for each line break.`, target: { table: 'execution', steps: [row.step], columns: ['Action'] } },
    };
  },

  'eventsource-end': (trace, _ask, random) => {
    const close = closeStep(trace);
    return {
      ask: { kind: 'eventsource-end' },
      prompt: `At step ${close} the generator ends and the server closes the response. What does a browser's EventSource do next?`,
      ...buildOptions(
        'It fires an error event, waits the retry time, then reconnects, and the generator runs again from the start',
        ['Nothing: it stays closed until the page reloads', 'It replays the last message it received', 'It reopens at once and resumes after the last message'],
        (x) => `It throws exception ${x}`,
        random,
      ),
      explanation: `To EventSource a closed response is a dropped connection: it reconnects after the retry time (a few seconds unless the server sent 'retry:'), which is the "or repeats" in the concept flow. This page reads the stream with fetch instead, so it stops at step ${close}.`,
      hint: { text: 'Think of the concept flow\'s last box: "Connection closes or repeats".', target: { table: 'execution', steps: [close], columns: ['Action', 'Connection State'] } },
    };
  },

  'template-change': (trace, { template, step }, random) => {
    const row = trace.rows[step - 1]!;
    const answer = traceWith(trace, { template }).rows[row.step - 1]!.dataSent!;
    const i = row.i!;
    return {
      ask: { kind: 'template-change', template, step: row.step },
      prompt: `If the template were changed to '${template}', what would the 'Data Sent' column show at step ${row.step}?`,
      ...buildOptions(answer, [renderTemplate(template, i + 1), template, row.dataSent!, renderTemplate(template, i - 1)], (x) => renderTemplate(template, i + 2 + x), random),
      explanation: `Step ${row.step} is the yield with i = ${i}; every {i} in '${template}' becomes ${i}: ${JSON.stringify(answer)}.`,
      hint: { text: `Find i at step ${row.step}, then put it in place of {i}.`, target: { table: 'execution', steps: [row.step], columns: ['Step', 'Data Sent'] } },
    };
  },
};

/** Every kind a generated quiz draws from. */
export const QUESTION_KINDS = Object.keys(GENERATORS) as QuestionKind[];

/** The question that asks `ask` about `trace` (facts from `factSpace`). */
export function generateQuestion(ask: QuestionAsk, trace: Trace, random: Random): Draft {
  // The map pairs each kind with its own generator; TypeScript cannot follow that through an index.
  return (GENERATORS[ask.kind] as Generator<QuestionKind>)(trace, ask as never, random);
}

/** What each kind asks, in a few words, for the mastery table. */
export const KIND_LABELS: Record<QuestionKind, string> = {
  'i-at-message': "i when a message is sent",
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
