import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_EXECUTION_TABLE, SEED_VARIABLE_TRACKER } from '../trace/seed-tables.fixture';
import { checkYields } from './frame-rules';
import { runTable, type Locals, type RunRow, type RunStep } from './run-table';

// The seed's generator, as a student's editor starts with it, with its line numbers there:
//   6  def event_stream():
//   7      for i in range(3):
//   8          yield f"data: Message {i}\n\n"
//   9          time.sleep(1)
const text = (value: string) => ({ kind: 'str' as const, text: value });
const yieldOf = (value: string, atMs: number, locals: Locals, line = 8): RunStep => ({
  kind: 'yield',
  line,
  value: text(value),
  repr: `'${value.replaceAll('\n', '\\n')}'`,
  atMs,
  locals,
});
const sleepOf = (seconds: number, atMs: number, locals: Locals, line = 9): RunStep => ({ kind: 'sleep', line, seconds, atMs, locals });

const SEED_RUN: RunStep[] = [
  { kind: 'start', line: 7, atMs: 0, locals: {} },
  yieldOf('data: Message 0\n\n', 0, { i: '0' }),
  sleepOf(1, 0, { i: '0' }),
  yieldOf('data: Message 1\n\n', 1000, { i: '1' }),
  sleepOf(1, 1000, { i: '1' }),
  yieldOf('data: Message 2\n\n', 2000, { i: '2' }),
  sleepOf(1, 2000, { i: '2' }),
  { kind: 'return', line: 7, atMs: 3000, locals: { i: '2' } },
];

/** A row in the seed's five columns, as the page writes them. */
const seedCells = (row: RunRow) => [
  String(row.step),
  row.action,
  row.dataSent.length === 0 ? 'None' : row.dataSent.map((event) => event.data).join(', '),
  String(row.sleepSeconds),
  row.connection,
];

describe('runTable', () => {
  it("gives the seed's Execution Table cell for cell for the seed's own generator", () => {
    const table = runTable(SEED_RUN, { generatorName: 'event_stream' });
    expect(table.rows.map(seedCells)).toEqual(SEED_EXECUTION_TABLE);
    expect(table.rows.map((row) => row.line)).toEqual([7, 8, 8, 8, 7]);
    expect(table.rows[1]!.sleepLines).toEqual([9]);
    expect(table.findings).toEqual([]);
    expect(table.ended).toBe(true);
  });

  it("follows i as the seed's Variable Tracker does, with Python's real value at the end", () => {
    const { names, columns } = runTable(SEED_RUN, { generatorName: 'event_stream' });
    expect(names).toEqual(['i']);
    const [header, seedI, seedConnection] = SEED_VARIABLE_TRACKER;
    expect(columns.map((column) => column.label)).toEqual(header!.slice(1));
    expect(columns.map((column) => column.connection)).toEqual(seedConnection!.slice(1));
    // The seed writes "None" before the loop and "End" after it; Python has no i yet, then keeps i = 2.
    expect(columns.map((column) => column.values.i)).toEqual([null, ...seedI!.slice(2, 5), '2']);
  });

  it('sends nothing for a yield without its blank line, then both lines as one event with the next', () => {
    const { rows, findings } = runTable(
      [
        { kind: 'start', line: 7, atMs: 0, locals: {} },
        yieldOf('data: a\n', 0, { i: '0' }),
        yieldOf('data: b\n\n', 5, { i: '1' }),
        { kind: 'return', line: 7, atMs: 10, locals: { i: '1' } },
      ],
      { generatorName: 'event_stream' },
    );
    expect(rows[1]!.dataSent).toEqual([]);
    expect(rows[2]!.dataSent.map((event) => event.data)).toEqual(['a\nb']);
    expect(findings.map((finding) => [finding.rule, finding.yieldIndex])).toContainEqual(['no-blank-line', 0]);
  });

  it('puts both events of a yield that carries two frames in its row', () => {
    const { rows } = runTable([{ kind: 'start', line: 7, atMs: 0, locals: {} }, yieldOf('data: p\n\ndata: q\n\n', 0, {})], {
      generatorName: 'g',
    });
    expect(rows[1]!.dataSent.map((event) => event.data)).toEqual(['p', 'q']);
  });

  it("carries each event's name and last event id, and whether onmessage sees it", () => {
    const { rows } = runTable(
      [
        { kind: 'start', line: 7, atMs: 0, locals: {} },
        yieldOf('id: 7\nevent: tick\ndata: {"n": 1}\n\n', 0, { n: '1' }),
        yieldOf('data: plain\n\n', 3, { n: '2' }),
      ],
      { generatorName: 'clock' },
    );
    expect(rows[0]!.action).toBe('Start clock generator');
    expect(rows[1]!.dataSent).toMatchObject([{ type: 'tick', data: '{"n": 1}', lastEventId: '7', onmessage: false }]);
    expect(rows[2]!.dataSent).toMatchObject([{ type: 'message', data: 'plain', lastEventId: '7', onmessage: true }]);
  });

  it('adds up the sleeps after a step, and counts one before the first yield as the start row’s', () => {
    const { rows } = runTable(
      [
        { kind: 'start', line: 7, atMs: 0, locals: {} },
        sleepOf(0.1, 0, {}, 8),
        sleepOf(0.2, 100, {}, 8),
        yieldOf('data: x\n\n', 300, {}),
        sleepOf(0.5, 300, {}),
      ],
      { generatorName: 'g' },
    );
    expect(rows.map((row) => row.sleepSeconds)).toEqual([0.3, 0.5]);
    expect(rows[0]!.sleepLines).toEqual([8, 8]);
  });

  it('ends with the exception, its type, message and line, the frames before it kept', () => {
    const { rows, ended, columns } = runTable(
      [
        { kind: 'start', line: 7, atMs: 0, locals: {} },
        yieldOf('data: 0\n\n', 0, { i: '0' }),
        { kind: 'exception', line: 9, pythonType: 'ZeroDivisionError', message: 'division by zero', atMs: 1, locals: { i: '0' } },
      ],
      { generatorName: 'g' },
    );
    expect(ended).toBe(true);
    expect(rows.map((row) => [row.kind, row.action, row.connection])).toEqual([
      ['start', 'Start g generator', 'Open'],
      ['yield', "Yield 'data: 0\\n\\n'", 'Open'],
      ['exception', 'ZeroDivisionError: division by zero (line 9)', 'Closed'],
    ]);
    expect(rows[1]!.dataSent.map((event) => event.data)).toEqual(['0']);
    expect(columns.at(-1)).toMatchObject({ label: 'Final', values: { i: '0' }, connection: 'Closed' });
  });

  it('closes the response at a yield Flask cannot send, and leaves out what the runner reported after it', () => {
    const { rows, ended, findings } = runTable(
      [
        { kind: 'start', line: 7, atMs: 0, locals: {} },
        { kind: 'yield', line: 8, value: { kind: 'other', pythonType: 'int', repr: '42' }, repr: '42', atMs: 0, locals: {} },
        yieldOf('data: never\n\n', 1, {}),
      ],
      { generatorName: 'g' },
    );
    expect(ended).toBe(true);
    expect(rows.map((row) => [row.action, row.connection])).toEqual([
      ['Start g generator', 'Open'],
      ['Yield 42', 'Closed'],
    ]);
    expect(findings.map((finding) => finding.rule)).toContain('not-text');
  });

  it('ends with a Stop row, the tracker keeping the last values, and is not ended while running', () => {
    const running: RunStep[] = [
      { kind: 'start', line: 7, atMs: 0, locals: {} },
      yieldOf(': keep-alive\n\n', 0, { t: '0' }),
      sleepOf(1, 0, { t: '0' }),
    ];
    expect(runTable(running, { generatorName: 'clock' }).ended).toBe(false);
    const stopped = runTable([...running, { kind: 'stopped', atMs: 1200, reason: 'Client disconnects (Stop)' }], {
      generatorName: 'clock',
    });
    expect(stopped.rows.at(-1)).toMatchObject({ kind: 'stopped', line: null, action: 'Client disconnects (Stop)', connection: 'Closed' });
    expect(stopped.columns.at(-1)).toMatchObject({ label: 'Final', values: { t: '0' }, connection: 'Closed' });
  });

  it('lists every local in the order it first got a value, with null in the columns before', () => {
    const { names, columns } = runTable(
      [
        { kind: 'start', line: 7, atMs: 0, locals: {} },
        yieldOf('data: 1\n\n', 0, { count: '1' }),
        yieldOf('data: 2\n\n', 1, { count: '2', payload: "{'n': 2}" }),
      ],
      { generatorName: 'g' },
    );
    expect(names).toEqual(['count', 'payload']);
    expect(columns.map((column) => column.values)).toEqual([
      { count: null, payload: null },
      { count: '1', payload: null },
      { count: '2', payload: "{'n': 2}" },
    ]);
  });

  it('has a row per start, yield and end, and every event EventSource dispatched in exactly one row', () => {
    const frame = fc.constantFrom(
      'data: a\n\n',
      'data: b\n',
      '\n',
      'event: x\ndata: y\n\n',
      ': c\n\n',
      'id: 3\n',
      'data:\r\n\r\n',
      'data: p\n\ndata: q\n\n',
    );
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 12 }), fc.boolean(), (frames, returns) => {
        const steps: RunStep[] = [
          { kind: 'start', line: 1, atMs: 0, locals: {} },
          ...frames.flatMap((value, i) => [yieldOf(value, i, { i: String(i) }), sleepOf(0, i, { i: String(i) })]),
          ...(returns ? [{ kind: 'return' as const, line: 1, atMs: frames.length, locals: {} }] : []),
        ];
        const table = runTable(steps, { generatorName: 'g' });
        expect(table.rows).toHaveLength(1 + frames.length + (returns ? 1 : 0));
        expect(table.rows.map((row) => row.step)).toEqual(table.rows.map((_, i) => i + 1));
        const everyEvent = table.rows.flatMap((row) => row.dataSent);
        const yields = frames.map((value, index) => ({ index, line: 8, value: text(value), atMs: index }));
        expect(everyEvent).toEqual(checkYields(yields, { ended: returns, nowMs: frames.length }).dispatched);
        expect(table.columns).toHaveLength(table.rows.length);
      }),
    );
  });
});
