import { formatSeconds, pythonStringLiteral, pythonValue } from '@/lib/trace/format';
import { executionCells } from '@/lib/trace/table';
import { variableTracker } from '@/lib/trace/tracker';
import type { ExecutionRow, Trace } from '@/lib/trace/types';

/**
 * Predict mode's model: what a student is asked about the next row before the server sends it,
 * the choices (from the trace the lesson predicts), and how a prediction is marked against the
 * row that really arrived. Pure: the page keeps the guesses, this says what they mean.
 */

/** The cells a student predicts: three of the Execution Table's and the Variable Tracker's `i`. */
export const PREDICTED_CELLS = ['dataSent', 'i', 'sleep', 'connection'] as const;
export type PredictedCell = (typeof PREDICTED_CELLS)[number];

export const CELL_LABELS: Record<PredictedCell, string> = {
  dataSent: 'Data Sent',
  i: 'i',
  sleep: 'Sleep Time (s)',
  connection: 'Connection State',
};

/** One cell's question: the choices, in a fixed order, and whether a student may type their own. */
export interface CellQuestion {
  cell: PredictedCell;
  choices: string[];
  /** Data Sent can be anything the template makes: a student may type it. */
  freeText: boolean;
}

export type Guesses = Partial<Record<PredictedCell, string>>;

/** A row's four cells as the tables show them. */
export function cellsOf(row: ExecutionRow): Record<PredictedCell, string> {
  const [, , dataSent, sleep, connection] = executionCells(row);
  const i = variableTracker({ source: 'observed', params: { n: 1, delayMs: 0, template: '' }, rows: [row], finished: false })[0]!.i;
  return { dataSent, i, sleep, connection };
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * The questions for step `step` of `expected` (the lesson's own prediction of the run): for each
 * cell the expected value and the near misses a student is likely to think of, sorted so the
 * answer's place gives nothing away.
 */
export function questionsFor(expected: Trace, step: number): CellQuestion[] | null {
  const row = expected.rows[step - 1];
  if (!row) return null;
  const rows = expected.rows;
  const frames = rows.filter((candidate) => candidate.kind === 'yield').map((candidate) => cellsOf(candidate).dataSent);
  const sleep = formatSeconds(expected.params.delayMs);
  const indexes = rows.filter((candidate) => candidate.kind === 'yield').map((candidate) => String(candidate.i));
  const near = (values: string[], value: string) => {
    const at = values.indexOf(value);
    return at < 0 ? values.slice(0, 2) : values.slice(Math.max(0, at - 1), at + 2);
  };
  const actual = cellsOf(row);
  const dataChoices = unique([...near(frames, actual.dataSent), 'None', actual.dataSent]).slice(0, 4);
  const iChoices = unique([...near(indexes, actual.i), 'None', 'End', actual.i]);
  return [
    { cell: 'dataSent', choices: ordered(dataChoices, [...frames, 'None']), freeText: true },
    { cell: 'i', choices: ordered(iChoices, ['None', ...indexes, 'End']), freeText: false },
    { cell: 'sleep', choices: ordered(unique(['0', sleep, actual.sleep]), ['0', sleep]), freeText: false },
    { cell: 'connection', choices: ['Open', 'Closed'], freeText: false },
  ];
}

/** `values` in the order they have in `order` (anything else last): the same order every time, whatever the answer. */
function ordered(values: string[], order: string[]): string[] {
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return [...values].sort((a, b) => rank(a) - rank(b));
}

/** One predicted cell, marked. */
export interface CellMark {
  cell: PredictedCell;
  guess: string | null;
  actual: string;
  right: boolean;
  /** One line on why the row holds what it holds. */
  why: string;
}

/** The guesses for `row` against what arrived; cells not predicted are marked but not counted. */
export function markPrediction(guesses: Guesses, row: ExecutionRow, trace: Trace): CellMark[] {
  const actual = cellsOf(row);
  return PREDICTED_CELLS.map((cell) => {
    const guess = guesses[cell]?.trim() ?? null;
    return { cell, guess: guess || null, actual: actual[cell], right: guess === actual[cell], why: whyOf(cell, row, trace) };
  });
}

/** How many predicted cells were right, of how many predicted. */
export function tally(marks: readonly CellMark[]): { right: number; predicted: number } {
  const predicted = marks.filter((mark) => mark.guess !== null);
  return { right: predicted.filter((mark) => mark.right).length, predicted: predicted.length };
}

/** "4 of 5 cells right" */
export const tallyText = ({ right, predicted }: { right: number; predicted: number }) =>
  `${right} of ${predicted} ${predicted === 1 ? 'cell' : 'cells'} right`;

function whyOf(cell: PredictedCell, row: ExecutionRow, trace: Trace): string {
  const { n, delayMs } = trace.params;
  const frame = row.dataSent === null ? null : pythonStringLiteral(row.dataSent);
  switch (cell) {
    case 'dataSent':
      if (row.kind === 'yield') return `The f-string filled in with i = ${row.i} gives ${frame}.`;
      if (row.kind === 'start') return 'Starting the generator sends nothing yet.';
      return `After range(${n}) nothing more is yielded, so nothing is sent.`;
    case 'i':
      if (row.kind === 'yield') return `range(${n}) counts from 0: this is frame ${Number(row.i) + 1} of ${n}, so i = ${row.i}.`;
      if (row.kind === 'start') return 'The loop has not started, so i does not exist yet: None.';
      return `The loop is over: the tracker's last column says ${pythonValue(cellsOf(row).i)}.`;
    case 'sleep':
      if (row.kind === 'yield')
        return row.sleepSeconds === null
          ? 'Step mode: the presenter ends the sleep.'
          : `time.sleep(${formatSeconds(delayMs)}) follows every yield, the last one included.`;
      return 'Only a yield is followed by a sleep.';
    case 'connection':
      return row.connection === 'Open'
        ? 'The generator has not returned, so the response, and the connection, stay open.'
        : 'The generator returned, so the server ended the response and the connection closed.';
  }
}
