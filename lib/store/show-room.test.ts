import { describe, expect, it } from 'vitest';
import { draftFromParams } from '@/lib/contract/draft';
import { EMPTY_ROOM, type RoomState } from '@/lib/room/state';
import { createLessonStore } from './lesson-store';

const PARAMS = { n: 2, delayMs: 100, template: 'Hi {i}', mode: 'step' } as const;
const ROOM: RoomState = { ...EMPTY_ROOM, seq: 3, params: PARAMS, events: [{ type: 'open', atMs: 0 }], status: 'open', cursor: 1, run: 1 };

describe('the lesson store showing a room (showRoom)', () => {
  it("shows the room's run, its events and its state, and the presenter's step while following", () => {
    const store = createLessonStore();
    store.getState().actions.showRoom(ROOM, { following: true, newRun: true });
    expect(store.getState()).toMatchObject({ runParams: PARAMS, events: ROOM.events, status: 'open', cursor: 1 });
    expect(store.getState().draft).toEqual(draftFromParams(PARAMS));
  });

  it('keeps its own step when not following, and the form as edited when the run is not new', () => {
    const store = createLessonStore({ cursor: 2 });
    store.getState().actions.editDraft('template', 'Edited {i}');
    const draft = store.getState().draft;
    store.getState().actions.showRoom(ROOM, { following: false, newRun: false });
    expect(store.getState()).toMatchObject({ runParams: PARAMS, cursor: 2 });
    expect(store.getState().draft).toBe(draft);
  });
});
