import { describe, expect, it, vi } from 'vitest';
import type { RoomEntry, RoomEntryBody } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntries } from '@/lib/room/state';
import { createRoomStore } from './room-store';

const PARAMS = { n: 2, delayMs: 100, template: 'Message {i}', mode: 'timed' } as const;
const entry = (seq: number, body: RoomEntryBody): RoomEntry => ({ seq, at: 1000 + seq, body });
const LOG: RoomEntry[] = [
  entry(1, { kind: 'run', params: PARAMS }),
  entry(2, { kind: 'trace', run: 1, event: { type: 'open', atMs: 0 } }),
  entry(3, { kind: 'seek', cursor: 1 }),
];

describe('createRoomStore', () => {
  it('starts empty and connecting, with no count and no problem', () => {
    const state = createRoomStore().getState();
    expect(state.room).toBe(EMPTY_ROOM);
    expect(state).toMatchObject({ present: null, link: 'connecting', problem: null });
  });

  it('folds each next entry with applyRoomEntry, and the link is open', () => {
    const store = createRoomStore();
    for (const one of LOG) expect(store.getState().actions.applyEntry(one)).toBe(true);
    expect(store.getState().room).toEqual(applyRoomEntries(EMPTY_ROOM, LOG));
    expect(store.getState().link).toBe('open');
  });

  it('takes a snapshot as the room, clears the problem, and folds the entries after it', () => {
    const store = createRoomStore();
    store.getState().actions.refuse('There is no room with this code.');
    const snapshot = applyRoomEntries(EMPTY_ROOM, LOG.slice(0, 2));
    store.getState().actions.applySnapshot(snapshot);
    expect(store.getState()).toMatchObject({ room: snapshot, link: 'open', problem: null });
    store.getState().actions.applyEntry(LOG[2]!);
    expect(store.getState().room.cursor).toBe(1);
  });

  it('skips an entry it already folded, so none counts twice after a reconnect', () => {
    const store = createRoomStore();
    for (const one of LOG) store.getState().actions.applyEntry(one);
    const before = store.getState().room;
    expect(store.getState().actions.applyEntry(LOG[1]!)).toBe(false);
    expect(store.getState().room).toBe(before);
  });

  it('reports a gap and ignores the entry past it', () => {
    const reportGap = vi.fn();
    const store = createRoomStore({ reportGap });
    expect(store.getState().actions.applyEntry(LOG[1]!)).toBe(false);
    expect(reportGap).toHaveBeenCalledWith('room entry 2 after 0');
    expect(store.getState().room).toBe(EMPTY_ROOM);
  });

  it('keeps the presence count and the link as the stream reports them; a refusal is final and says why', () => {
    const store = createRoomStore();
    const { actions } = store.getState();
    actions.setPresent(3);
    actions.setLink('reconnecting');
    expect(store.getState()).toMatchObject({ present: 3, link: 'reconnecting' });
    actions.refuse('This room is full.');
    expect(store.getState()).toMatchObject({ link: 'gone', problem: 'This room is full.' });
  });
});
