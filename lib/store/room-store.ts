import { createStore } from 'zustand/vanilla';
import type { RoomEntry } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntry, type RoomState } from '@/lib/room/state';

/** How the page's own connection to the room stands, as its EventSource says. */
export type RoomLink = 'connecting' | 'open' | 'reconnecting' | 'gone';

/** A classroom as this page follows it: the room folded from its stream, and the stream's state. */
export interface RoomStoreState {
  room: RoomState;
  /** How many students follow the room now (every instance counted), or null before the first count. */
  present: number | null;
  link: RoomLink;
  /** Why the room cannot be followed (it does not exist, it is full), when it cannot. */
  problem: string | null;
  actions: RoomActions;
}

export interface RoomActions {
  /** The room as it stands (a `snapshot`): replaces what this page had; the link is open. */
  applySnapshot: (room: RoomState) => void;
  /**
   * One `entry`, folded in with `applyRoomEntry` when it is the next. An entry already folded (its
   * number is not past the room's: a reconnect's catch-up may repeat one) is skipped, so none
   * counts twice. Returns whether it was folded.
   */
  applyEntry: (entry: RoomEntry) => boolean;
  /** A `presence` count. */
  setPresent: (present: number) => void;
  /** The stream opened, or is trying to open again. */
  setLink: (link: 'open' | 'reconnecting') => void;
  /** The server refused the stream for good: why, in words for the page. */
  refuse: (problem: string) => void;
}

export interface RoomStoreOptions {
  room?: RoomState;
  /** Where a gap in the entries is reported (it cannot happen by the server's contract). */
  reportGap?: (message: string) => void;
}

/** Creates one followed room's store. Each page (and each test) makes its own. */
export function createRoomStore(options: RoomStoreOptions = {}) {
  const reportGap = options.reportGap ?? ((message: string) => console.error(message));
  return createStore<RoomStoreState>()((set, get) => ({
    room: options.room ?? EMPTY_ROOM,
    present: null,
    link: 'connecting',
    problem: null,
    actions: {
      applySnapshot: (room) => set({ room, link: 'open', problem: null }),
      applyEntry: (entry) => {
        const { room } = get();
        if (entry.seq <= room.seq) return false;
        if (entry.seq !== room.seq + 1) {
          // Cannot happen by the server's contract; if it did, a fresh connection starts from a snapshot.
          reportGap(`room entry ${entry.seq} after ${room.seq}`);
          return false;
        }
        set({ room: applyRoomEntry(room, entry), link: 'open' });
        return true;
      },
      setPresent: (present) => set({ present }),
      setLink: (link) => set({ link }),
      refuse: (problem) => set({ link: 'gone', problem }),
    },
  }));
}

export type RoomStore = ReturnType<typeof createRoomStore>;
