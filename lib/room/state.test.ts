import { describe, expect, it } from 'vitest';
import type { RoomEntry, RoomEntryBody } from './protocol';
import { EMPTY_ROOM, applyRoomEntries, applyRoomEntry, isRoomRunning } from './state';

const SEED = { n: 3, delayMs: 1000, template: 'Message {i}' };
const numbered = (bodies: RoomEntryBody[], from = 1): RoomEntry[] => bodies.map((body, k) => ({ seq: from + k, at: 1000 + k, body }));

describe('applyRoomEntry', () => {
  it('folds a run and its generator’s events into the room’s trace and connection state', () => {
    const room = applyRoomEntries(
      EMPTY_ROOM,
      numbered([
        { kind: 'run', params: SEED },
        { kind: 'trace', run: 1, event: { type: 'open', atMs: 0 } },
        { kind: 'trace', run: 1, event: { type: 'frame', atMs: 1, data: 'Message 0' } },
      ]),
    );
    expect(room).toMatchObject({ seq: 3, params: SEED, status: 'open', run: 1, cursor: null });
    expect(room.events).toEqual([
      { type: 'open', atMs: 0 },
      { type: 'frame', atMs: 1, data: 'Message 0' },
    ]);
    expect(isRoomRunning(room)).toBe(true);
    const ended = applyRoomEntry(room, {
      seq: 4,
      at: 0,
      body: { kind: 'trace', run: 1, event: { type: 'end', atMs: 3001, reason: 'complete' } },
    });
    expect(ended.status).toBe('closed');
    expect(isRoomRunning(ended)).toBe(false);
  });

  it('ignores the late events of a run that a newer Run replaced', () => {
    const room = applyRoomEntries(
      EMPTY_ROOM,
      numbered([
        { kind: 'run', params: SEED },
        { kind: 'run', params: { ...SEED, n: 5 } },
        { kind: 'trace', run: 1, event: { type: 'end', atMs: 10, reason: 'stopped' } },
        { kind: 'trace', run: 2, event: { type: 'open', atMs: 0 } },
      ]),
    );
    expect(room.params?.n).toBe(5);
    expect(room.events).toEqual([{ type: 'open', atMs: 0 }]);
    expect(room.status).toBe('open');
  });

  it('keeps the presenter’s step, and Reset clears the run but not the polls', () => {
    const room = applyRoomEntries(
      EMPTY_ROOM,
      numbered([
        { kind: 'run', params: SEED },
        { kind: 'seek', cursor: 2 },
        {
          kind: 'poll-open',
          poll: {
            id: 'p1',
            prompt: 'Which?',
            options: [
              { letter: 'A', text: '1' },
              { letter: 'B', text: '2' },
            ],
          },
        },
        { kind: 'reset' },
      ]),
    );
    expect(room).toMatchObject({ params: null, events: [], status: 'idle', cursor: null, polls: 1 });
    expect(room.poll?.question.id).toBe('p1');
  });

  it('tallies, reveals and closes only the poll that is open', () => {
    const options = [
      { letter: 'A' as const, text: 'one' },
      { letter: 'B' as const, text: 'two' },
    ];
    const room = applyRoomEntries(
      EMPTY_ROOM,
      numbered([
        { kind: 'poll-open', poll: { id: 'p1', prompt: 'Q1', options } },
        { kind: 'poll-tally', pollId: 'p1', counts: [2, 1], answered: 3 },
        { kind: 'poll-tally', pollId: 'p9', counts: [9, 9], answered: 18 },
        { kind: 'poll-reveal', pollId: 'p1', reveal: { answer: 'B', explanation: 'Because.' } },
      ]),
    );
    expect(room.poll).toMatchObject({ counts: [2, 1], answered: 3, reveal: { answer: 'B' }, closed: false });
    expect(applyRoomEntry(room, { seq: 5, at: 0, body: { kind: 'poll-close', pollId: 'p1' } }).poll?.closed).toBe(true);
  });

  it('refuses an entry out of order, so no screen shows a table the room never had', () => {
    expect(() => applyRoomEntry(EMPTY_ROOM, { seq: 2, at: 0, body: { kind: 'reset' } })).toThrow(RangeError);
    expect(() => applyRoomEntry(EMPTY_ROOM, { seq: 0, at: 0, body: { kind: 'reset' } })).toThrow(RangeError);
  });
});
