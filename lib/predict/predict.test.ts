import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedTrace } from '@/lib/trace/expected';
import { SEED_EXECUTION_TABLE } from '@/lib/trace/seed-tables.fixture';
import { cellsOf, markPrediction, questionsFor, tally, tallyText } from './predict';

const seed = expectedTrace({ ...DEFAULT_PARAMS, mode: 'predict' });

describe('predict mode', () => {
  it('reads each row’s cells as the seed’s tables write them', () => {
    expect(
      seed.rows.map((row) => {
        const cells = cellsOf(row);
        return [cells.dataSent, cells.sleep, cells.connection];
      }),
    ).toEqual(SEED_EXECUTION_TABLE.map(([, , data, sleep, connection]) => [data, sleep, connection]));
    expect(seed.rows.map((row) => cellsOf(row).i)).toEqual(['None', '0', '1', '2', 'End']);
  });

  it('offers the answer among near misses for every cell of every row, in an order that gives nothing away', () => {
    for (const row of seed.rows) {
      const questions = questionsFor(seed, row.step)!;
      const actual = cellsOf(row);
      for (const question of questions) {
        expect(question.choices, `step ${row.step} ${question.cell}`).toContain(actual[question.cell]);
        expect(new Set(question.choices).size).toBe(question.choices.length);
        expect(question.choices.length).toBeGreaterThanOrEqual(2);
      }
    }
    // The answer's position is the same whatever the answer: Message 1's choices keep the frames' order.
    expect(questionsFor(seed, 3)![0]!.choices).toEqual(['Message 0', 'Message 1', 'Message 2', 'None']);
    expect(questionsFor(seed, 9)).toBeNull();
  });

  it('marks each predicted cell against the row that arrived, with a why, and counts only what was predicted', () => {
    const row = seed.rows[2]!; // Yield 'data: Message 1\n\n'
    const marks = markPrediction({ dataSent: 'Message 1', i: '2', sleep: '1' }, row, seed);
    expect(marks.map(({ cell, right, actual }) => [cell, right, actual])).toEqual([
      ['dataSent', true, 'Message 1'],
      ['i', false, '1'],
      ['sleep', true, '1'],
      ['connection', false, 'Open'],
    ]);
    expect(marks[1]!.why).toBe('range(3) counts from 0: this is frame 2 of 3, so i = 1.');
    expect(marks[3]!.guess).toBeNull();
    expect(tally(marks)).toEqual({ right: 2, predicted: 3 });
    expect(tallyText(tally(marks))).toBe('2 of 3 cells right');
  });

  it('takes a typed Data Sent as it is, trimmed', () => {
    const marks = markPrediction({ dataSent: '  Message 0 ' }, seed.rows[1]!, seed);
    expect(marks[0]).toMatchObject({ right: true, guess: 'Message 0' });
  });

  it('explains the end: nothing sent, the loop over, the connection closed', () => {
    const marks = markPrediction({ dataSent: 'None', i: 'End', sleep: '0', connection: 'Closed' }, seed.rows[4]!, seed);
    expect(tally(marks)).toEqual({ right: 4, predicted: 4 });
    expect(marks.map((mark) => mark.why)).toEqual([
      'After range(3) nothing more is yielded, so nothing is sent.',
      "The loop is over: the tracker's last column says End.",
      'Only a yield is followed by a sleep.',
      'The generator returned, so the server ended the response and the connection closed.',
    ]);
  });
});
