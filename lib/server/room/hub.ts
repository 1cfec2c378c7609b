import 'server-only';
import type { RoomEntry, RoomEntryBody, RoomPollReveal } from '@/lib/room/protocol';
import type { RoomState } from '@/lib/room/state';

/** What the hub keeps about a room besides its log: who may command it, and since when. */
export interface RoomRecord {
  code: string;
  /** SHA-256 of the presenter's secret, hex: the secret itself is kept nowhere on the server. */
  secretHash: string;
  createdAt: number;
}

/** A poll's answer, kept apart from the log until Reveal (the log goes to every student). */
export interface PollKey extends RoomPollReveal {
  optionCount: number;
  /** The question, for the results' CSV. */
  prompt?: string;
}

/** A student's answer, for the CSV export. */
export interface PollAnswer {
  student: string;
  choice: number;
  at: number;
}

export type Unsubscribe = () => void;

/** Who appends (a run's generator: a random id) and how many appends it has made, this one included. */
export interface AppendOnce {
  writer: string;
  n: number;
}

/**
 * Where rooms live: one interface, two implementations. `createMemoryHub` keeps them in this
 * process (the default: nothing to set up, one instance); `createRedisHub` keeps them in Redis,
 * so every instance behind a load balancer sees the same rooms (`REDIS_URL`).
 *
 * The contract, which `testing/hub-contract.ts` checks against both:
 * - `append` numbers entries 1, 2, 3 … per room, in one order every instance agrees on, and
 *   refreshes the room's expiry (`ROOM_IDLE_MS`).
 * - `subscribe` hands each listener every entry appended after it subscribed, in order, none
 *   missed and none twice — across a lost connection to Redis too; what was appended before is
 *   `entriesAfter`'s and `snapshot`'s to give.
 * - Everything about an unknown or expired room answers null (or false), never throws.
 */
export interface RoomHub {
  /** Makes a room; false if `code` is taken. */
  create(record: RoomRecord): Promise<boolean>;
  find(code: string): Promise<RoomRecord | null>;
  /**
   * Appends `bodies` in order, together; null if the room does not exist. With `once`, a writer's
   * `n`-th append (n = 1, 2, 3 … per writer) is taken at most once: retried after a reply that was
   * lost on the way (the append was made, the connection dropped), it is not made again and the
   * answer is `[]`.
   */
  append(code: string, bodies: readonly RoomEntryBody[], once?: AppendOnce): Promise<RoomEntry[] | null>;
  /** The entries after `afterSeq`, if the log still holds every one of them; else null (send a snapshot). */
  entriesAfter(code: string, afterSeq: number): Promise<RoomEntry[] | null>;
  /** The room as it stands after its last entry. */
  snapshot(code: string): Promise<RoomState | null>;
  subscribe(code: string, listener: (entry: RoomEntry) => void): Unsubscribe;
  /** Keeps a poll's answer until Reveal. */
  setPollKey(code: string, pollId: string, key: PollKey): Promise<void>;
  pollKey(code: string, pollId: string): Promise<PollKey | null>;
  /**
   * Records `student`'s first answer to the poll and appends the new tally (one `poll-tally`
   * entry), atomically; `recorded` is false for a second answer, which changes nothing.
   */
  answer(code: string, pollId: string, student: string, choice: number, optionCount: number): Promise<{ recorded: boolean } | null>;
  answers(code: string, pollId: string): Promise<PollAnswer[]>;
  /**
   * Presence: this instance has `count` followers of the room now. `present` sums every
   * instance's last report that is fresh (an instance that died stops counting within seconds).
   */
  reportPresence(code: string, count: number): Promise<void>;
  present(code: string): Promise<number>;
  /** The same, leaving this instance's report out: what the other instances last said (the capacity check adds its own, exact). */
  presentElsewhere(code: string): Promise<number>;
  /** Stops timers and closes connections. */
  close(): Promise<void>;
}
