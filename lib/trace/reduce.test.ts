import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedEvents, expectedTrace } from './expected';
import { emptyTrace, framesSent, lastYieldRow, reduceEvents, reduceTrace } from './reduce';
import { executionCells } from './table';
import { variableTracker } from './tracker';
import type { StreamEvent } from './types';

const observed = (events: StreamEvent[]) => reduceEvents(emptyTrace(DEFAULT_PARAMS), events);

describe('reduceTrace', () => {
  it('starts the table with the generator start when the response opens', () => {
    const trace = reduceTrace(emptyTrace(DEFAULT_PARAMS), { type: 'open', atMs: 0 });
    expect(trace.rows.map(executionCells)).toEqual([['1', 'Start event_stream generator', 'None', '0', 'Open']]);
    expect(trace.finished).toBe(false);
  });

  it('adds a yield row per frame with its arrival time and i counting from 0', () => {
    const trace = observed([
      { type: 'open', atMs: 0 },
      { type: 'frame', atMs: 3, data: 'Message 0' },
      { type: 'frame', atMs: 1004, data: 'Message 1' },
    ]);
    expect(trace.rows.map((row) => [row.step, row.i, row.atMs, row.dataSent])).toEqual([
      [1, null, 0, null],
      [2, 0, 3, 'Message 0'],
      [3, 1, 1004, 'Message 1'],
    ]);
    expect(trace.rows[2]!.frame).toBe('data: Message 1\n\n');
  });

  it('builds the same cells from live events at any times as the expected trace predicts', () => {
    const live = expectedEvents(DEFAULT_PARAMS).map((event, k) => ({ ...event, atMs: event.atMs + k * 7 }));
    expect(observed(live).rows.map(executionCells)).toEqual(expectedTrace(DEFAULT_PARAMS).rows.map(executionCells));
  });

  it('records a Stop as a client disconnect that closes the connection', () => {
    const trace = observed([
      { type: 'open', atMs: 0 },
      { type: 'frame', atMs: 1, data: 'Message 0' },
      { type: 'end', atMs: 500, reason: 'stopped' },
    ]);
    expect(trace.rows.at(-1)).toMatchObject({ step: 3, kind: 'stopped', action: 'Client disconnects (Stop)', connection: 'Closed' });
    expect(variableTracker(trace).at(-1)).toMatchObject({ label: 'Final', i: 'Stopped', connection: 'Closed' });
    expect(trace.finished).toBe(true);
  });

  it('records an error with its message and ignores anything after it', () => {
    const trace = observed([
      { type: 'open', atMs: 0 },
      { type: 'error', atMs: 20, message: 'network lost' },
      { type: 'frame', atMs: 30, data: 'late' },
    ]);
    expect(trace.rows.map((row) => row.action)).toEqual(['Start event_stream generator', 'Error: network lost']);
  });

  it('treats a frame before open as implying the open', () => {
    expect(observed([{ type: 'frame', atMs: 0, data: 'x' }]).rows.map((row) => row.kind)).toEqual(['start', 'yield']);
  });

  it('keeps the frame exactly as it travelled, with its id and event name', () => {
    const trace = observed([
      { type: 'open', atMs: 0 },
      { type: 'frame', atMs: 0, data: 'a\nb', id: '4', event: 'tick' },
    ]);
    expect(trace.rows[1]!.frame).toBe('event: tick\nid: 4\ndata: a\ndata: b\n\n');
  });

  it('gives the same trace whether events arrive one at a time or in batches', () => {
    const anyEvent = fc.oneof(
      fc.record({ type: fc.constant('frame' as const), atMs: fc.nat(), data: fc.string() }),
      fc.record({ type: fc.constant('end' as const), atMs: fc.nat(), reason: fc.constantFrom('complete' as const, 'stopped' as const) }),
      fc.record({ type: fc.constant('error' as const), atMs: fc.nat(), message: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 12 }), fc.nat(12), (rest, cut) => {
        const events: StreamEvent[] = [{ type: 'open', atMs: 0 }, ...rest];
        const oneByOne = events.reduce(reduceTrace, emptyTrace(DEFAULT_PARAMS));
        const batched = reduceEvents(reduceEvents(emptyTrace(DEFAULT_PARAMS), events.slice(0, cut)), events.slice(cut));
        expect(batched).toEqual(oneByOne);
        expect(reduceEvents(emptyTrace(DEFAULT_PARAMS), events)).toEqual(oneByOne);
      }),
    );
  });

  it('does not change the trace it was given', () => {
    const before = observed([{ type: 'open', atMs: 0 }]);
    const snapshot = structuredClone(before);
    reduceTrace(before, { type: 'frame', atMs: 1, data: 'x' });
    expect(before).toEqual(snapshot);
  });
});

describe('framesSent and lastYieldRow', () => {
  it('read the frame count and the latest yield off the end of the trace, whatever ended it', () => {
    const base: StreamEvent[] = [
      { type: 'open', atMs: 0 },
      { type: 'frame', atMs: 1, data: 'a' },
      { type: 'frame', atMs: 2, data: 'b' },
    ];
    for (const last of [
      [],
      [{ type: 'end', atMs: 3, reason: 'complete' }],
      [{ type: 'error', atMs: 3, message: 'x' }],
    ] as StreamEvent[][]) {
      const rows = observed([...base, ...last]).rows;
      expect(framesSent(rows)).toBe(rows.filter((row) => row.kind === 'yield').length);
      expect(lastYieldRow(rows)?.dataSent).toBe('b');
    }
    expect(framesSent(observed([{ type: 'open', atMs: 0 }]).rows)).toBe(0);
    expect(lastYieldRow([])).toBeUndefined();
  });
});

describe('reduceEvents with a client that reconnects', () => {
  const params = { n: 2, delayMs: 1000, template: 'Message {i}' };
  const cells = (events: StreamEvent[]) =>
    reduceEvents(emptyTrace(params), events).rows.map((row) => [row.kind, row.action, row.i, row.connection]);

  it("records EventSource's loop: the response ends, the browser reconnects, and the generator starts over at i = 0", () => {
    expect(
      cells([
        { type: 'open', atMs: 0 },
        { type: 'frame', atMs: 1, data: 'Message 0' },
        { type: 'frame', atMs: 1001, data: 'Message 1' },
        { type: 'reconnect', atMs: 2001, cause: 'ended', retryMs: 3000, lastEventId: null },
        { type: 'open', atMs: 5002 },
        { type: 'frame', atMs: 5003, data: 'Message 0' },
      ]),
    ).toEqual([
      ['start', 'Start event_stream generator', null, 'Open'],
      ['yield', "Yield 'data: Message 0\\n\\n'", 0, 'Open'],
      ['yield', "Yield 'data: Message 1\\n\\n'", 1, 'Open'],
      ['reconnect', 'The response ends; the browser reconnects after 3 s', 1, 'Closed'],
      ['reopen', 'The new connection opens; the generator starts over', null, 'Open'],
      ['yield', "Yield 'data: Message 0\\n\\n'", 0, 'Open'],
    ]);
  });

  it('resumes after a cut: the reconnect names the Last-Event-ID, and i follows the ids', () => {
    const rows = cells([
      { type: 'open', atMs: 0 },
      { type: 'frame', atMs: 1, data: 'Message 0', id: '0' },
      { type: 'reconnect', atMs: 2, cause: 'cut', retryMs: null, lastEventId: '0' },
      { type: 'open', atMs: 3 },
      { type: 'frame', atMs: 4, data: 'Message 1', id: '1' },
    ]);
    expect(rows[2]).toEqual(['reconnect', 'The connection is cut; the client reconnects, sending Last-Event-ID: 0', 0, 'Closed']);
    expect(rows[3]).toEqual(['reopen', 'The new connection opens; the server resumes after id 0', 0, 'Open']);
    expect(rows[4]).toEqual(['yield', "Yield 'id: 1\\ndata: Message 1\\n\\n'", 1, 'Open']);
  });

  it("reads i from a step stream's id, and leaves it alone on a named event", () => {
    const rows = cells([
      { type: 'open', atMs: 0 },
      { type: 'frame', atMs: 1, data: 'Message 3', id: '6d2b/3' },
      { type: 'frame', atMs: 2, data: 'done', event: 'end' },
      { type: 'end', atMs: 3, reason: 'no-content' },
    ]);
    expect(rows.map((row) => row[2])).toEqual([null, 3, 3, 3]);
    expect(rows[3]!.slice(0, 2)).toEqual(['no-content', 'The server answers 204 No Content: EventSource stops reconnecting']);
  });

  it('ignores an open that follows no reconnect (the first open is the start)', () => {
    expect(
      cells([
        { type: 'open', atMs: 0 },
        { type: 'open', atMs: 1 },
      ]),
    ).toHaveLength(1);
  });
});
