import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedTrace } from './expected';
import { isMomentRevealed, keyMoments } from './key-moments';
import { EXECUTION_COLUMNS, executionCells } from './table';
import { variableTracker } from './tracker';
import { SEED_EXECUTION_TABLE } from './seed-tables.fixture';

describe('expectedTrace with the seed parameters', () => {
  const trace = expectedTrace(DEFAULT_PARAMS);

  it("equals the seed's Execution Table cell for cell", () => {
    expect(EXECUTION_COLUMNS).toEqual(['Step', 'Action', 'Data Sent', 'Sleep Time (s)', 'Connection State']);
    expect(trace.rows.map(executionCells)).toEqual(SEED_EXECUTION_TABLE);
  });

  it("equals the seed's Variable Tracker cell for cell", () => {
    const columns = variableTracker(trace);
    expect(columns.map((c) => c.label)).toEqual(['Start', 'After 1', 'After 2', 'After 3', 'Final']);
    expect(columns.map((c) => c.i)).toEqual(['None', '0', '1', '2', 'End']);
    expect(columns.map((c) => c.connection)).toEqual(['Open', 'Open', 'Open', 'Open', 'Closed']);
  });

  it('schedules each frame one second after the one before and the end one second after the last', () => {
    expect(trace.rows.map((row) => row.atMs)).toEqual([0, 0, 1000, 2000, 3000]);
    expect(trace.finished).toBe(true);
  });

  it("words the seed's two Key Moments exactly, pointing at steps 2-4 and step 5", () => {
    const [staysOpen, closes] = keyMoments(DEFAULT_PARAMS);
    expect(staysOpen).toMatchObject({
      question: 'Why does the connection stay open after sending each message?',
      answer:
        'Because the generator yields data but does not end until all messages are sent, keeping the HTTP connection open as shown in steps 2-4 of the execution_table.',
      steps: [2, 3, 4],
    });
    expect(closes).toMatchObject({
      question: 'What causes the connection to close?',
      answer: 'When the generator finishes yielding all messages (step 5), Flask closes the connection automatically.',
      steps: [5],
    });
    expect(isMomentRevealed(staysOpen!, trace)).toBe(true);
    expect(isMomentRevealed(closes!, trace)).toBe(true);
  });
});

describe('expectedTrace with n=5 and delay 250 ms', () => {
  const params = { n: 5, delayMs: 250, template: 'Tick {i}/{i}' };
  const trace = expectedTrace(params);

  it('has a start row, five yields and an end row, sleeping 0.25 s after each yield', () => {
    expect(trace.rows.map(executionCells)).toEqual([
      ['1', 'Start event_stream generator', 'None', '0', 'Open'],
      ...[0, 1, 2, 3, 4].map((i) => [String(i + 2), `Yield 'data: Tick ${i}/${i}\\n\\n'`, `Tick ${i}/${i}`, '0.25', 'Open']),
      ['7', 'Generator ends', 'None', '0', 'Closed'],
    ]);
    expect(trace.rows.map((row) => row.atMs)).toEqual([0, 0, 250, 500, 750, 1000, 1250]);
  });

  it('tracks i through 0…4 and then End', () => {
    const columns = variableTracker(trace);
    expect(columns.map((c) => c.label)).toEqual(['Start', 'After 1', 'After 2', 'After 3', 'After 4', 'After 5', 'Final']);
    expect(columns.map((c) => c.i)).toEqual(['None', '0', '1', '2', '3', '4', 'End']);
  });

  it('points the Key Moments at steps 2-6 and step 7', () => {
    const [staysOpen, closes] = keyMoments(params);
    expect(staysOpen!.answer).toContain('as shown in steps 2-6 of the execution_table');
    expect(closes!.answer).toContain('(step 7)');
  });
});

describe('expectedTrace with one message', () => {
  it('says "step 2" rather than a range', () => {
    expect(keyMoments({ ...DEFAULT_PARAMS, n: 1 })[0]!.answer).toContain('as shown in step 2 of');
  });

  it('shows a multi-line template as several data lines in the action', () => {
    const trace = expectedTrace({ n: 1, delayMs: 0, template: "it's\n{i}" });
    expect(trace.rows[1]!.action).toBe("Yield 'data: it\\'s\\ndata: 0\\n\\n'");
    expect(trace.rows[1]!.dataSent).toBe("it's\n0");
  });
});
