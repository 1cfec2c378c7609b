import 'server-only';
import { ROOM_IDLE_MS, ROOM_LOG_LIMIT, type RoomEntry, type RoomEntryBody } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntry, type RoomState } from '@/lib/room/state';
import type { PollAnswer, PollKey, RoomHub, RoomRecord } from './hub';

interface MemoryRoom {
  record: RoomRecord;
  state: RoomState;
  /** The last `logLimit` entries. */
  log: RoomEntry[];
  touchedAt: number;
  listeners: Set<(entry: RoomEntry) => void>;
  pollKeys: Map<string, PollKey>;
  answers: Map<string, Map<string, PollAnswer>>;
  presence: number;
  /** Each writer's last `once` append taken. */
  writers: Map<string, number>;
}

export interface MemoryHubOptions {
  now?: () => number;
  idleMs?: number;
  logLimit?: number;
}

/**
 * Rooms in this process's memory: the default, for one instance (nothing to set up). Appends are
 * synchronous underneath, so the order entries get their numbers is the order listeners see them.
 */
export function createMemoryHub({ now = Date.now, idleMs = ROOM_IDLE_MS, logLimit = ROOM_LOG_LIMIT }: MemoryHubOptions = {}): RoomHub {
  const rooms = new Map<string, MemoryRoom>();

  /** The room, unless it has been idle too long (then it is dropped, listeners and all). */
  function live(code: string): MemoryRoom | null {
    const room = rooms.get(code);
    if (!room) return null;
    if (now() - room.touchedAt > idleMs) {
      rooms.delete(code);
      return null;
    }
    return room;
  }

  const sweep = setInterval(() => {
    for (const code of rooms.keys()) live(code);
  }, 60_000);
  sweep.unref?.();

  function appendTo(room: MemoryRoom, bodies: readonly RoomEntryBody[]): RoomEntry[] {
    const at = now();
    const entries = bodies.map((body) => {
      const entry: RoomEntry = { seq: room.state.seq + 1, at, body };
      room.state = applyRoomEntry(room.state, entry);
      room.log.push(entry);
      return entry;
    });
    if (room.log.length > logLimit) room.log.splice(0, room.log.length - logLimit);
    room.touchedAt = at;
    for (const entry of entries) for (const listener of room.listeners) listener(entry);
    return entries;
  }

  return {
    async create(record) {
      if (live(record.code)) return false;
      rooms.set(record.code, {
        record,
        state: EMPTY_ROOM,
        log: [],
        touchedAt: now(),
        listeners: new Set(),
        pollKeys: new Map(),
        answers: new Map(),
        presence: 0,
        writers: new Map(),
      });
      return true;
    },
    async find(code) {
      return live(code)?.record ?? null;
    },
    async append(code, bodies, once) {
      const room = live(code);
      if (!room) return null;
      if (once) {
        if (once.n <= (room.writers.get(once.writer) ?? 0)) return [];
        room.writers.set(once.writer, once.n);
      }
      return appendTo(room, bodies);
    },
    async entriesAfter(code, afterSeq) {
      const room = live(code);
      if (!room || afterSeq > room.state.seq) return null;
      const first = room.log[0]?.seq ?? room.state.seq + 1;
      if (afterSeq + 1 < first) return null; // trimmed away
      return room.log.slice(afterSeq + 1 - first);
    },
    async snapshot(code) {
      return live(code)?.state ?? null;
    },
    subscribe(code, listener) {
      const room = live(code);
      if (!room) return () => undefined;
      room.listeners.add(listener);
      return () => room.listeners.delete(listener);
    },
    async setPollKey(code, pollId, key) {
      live(code)?.pollKeys.set(pollId, key);
    },
    async pollKey(code, pollId) {
      return live(code)?.pollKeys.get(pollId) ?? null;
    },
    async answer(code, pollId, student, choice, optionCount) {
      const room = live(code);
      if (!room) return null;
      const answers = room.answers.get(pollId) ?? new Map<string, PollAnswer>();
      room.answers.set(pollId, answers);
      if (answers.has(student)) return { recorded: false };
      answers.set(student, { student, choice, at: now() });
      const counts = Array.from({ length: optionCount }, () => 0);
      for (const { choice: chosen } of answers.values()) if (chosen < optionCount) counts[chosen]! += 1;
      appendTo(room, [{ kind: 'poll-tally', pollId, counts, answered: answers.size }]);
      return { recorded: true };
    },
    async answers(code, pollId) {
      return [...(live(code)?.answers.get(pollId)?.values() ?? [])];
    },
    async reportPresence(code, count) {
      const room = live(code);
      if (room) room.presence = count;
    },
    async present(code) {
      return live(code)?.presence ?? 0;
    },
    async presentElsewhere() {
      return 0; // one process: there is nowhere else
    },
    async close() {
      clearInterval(sweep);
      rooms.clear();
    },
  };
}
