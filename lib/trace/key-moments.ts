import type { StreamParams } from '@/lib/contract/params';
import type { RowKind, Trace } from './types';

/** One of the seed's Key Moments, tied to the Execution Table rows that show it. */
export interface KeyMoment {
  id: 'stays-open' | 'closes';
  question: string;
  answer: string;
  /** The steps the answer points at. */
  steps: number[];
  /** Revealed once the trace has a row of this kind at this step. */
  revealAt: { step: number; kind: RowKind };
}

/** "step 2" or "steps 2-4", as the seed writes a range of steps. */
function stepRange(first: number, last: number): string {
  return first === last ? `step ${first}` : `steps ${first}-${last}`;
}

/** The seed's two Key Moments for these parameters (for the defaults, word for word). */
export function keyMoments(params: StreamParams): KeyMoment[] {
  const firstYield = 2;
  const lastYield = params.n + 1;
  const endStep = params.n + 2;
  return [
    {
      id: 'stays-open',
      question: 'Why does the connection stay open after sending each message?',
      answer: `Because the generator yields data but does not end until all messages are sent, keeping the HTTP connection open as shown in ${stepRange(firstYield, lastYield)} of the execution_table.`,
      steps: Array.from({ length: params.n }, (_, k) => firstYield + k),
      revealAt: { step: firstYield, kind: 'yield' },
    },
    {
      id: 'closes',
      question: 'What causes the connection to close?',
      answer: `When the generator finishes yielding all messages (step ${endStep}), Flask closes the connection automatically.`,
      steps: [endStep],
      revealAt: { step: endStep, kind: 'end' },
    },
  ];
}

/** "step 5" or "steps 2-4": the rows a moment points at. */
export function momentSteps(moment: KeyMoment): string {
  return stepRange(moment.steps[0]!, moment.steps.at(-1)!);
}

/** Whether the trace has reached the moment's rows. */
export function isMomentRevealed(moment: KeyMoment, trace: Trace): boolean {
  const row = trace.rows[moment.revealAt.step - 1];
  return row?.kind === moment.revealAt.kind;
}
