import type { StreamParams } from '@/lib/contract/params';
import type { OptionLetter, QuizOption } from '@/lib/quiz/types';
import type { StreamEvent } from '@/lib/trace/types';

/**
 * A classroom's wire: what `GET /api/rooms/{code}/events` sends, shared by the server that writes
 * it and the pages that read it. Everything that happens in a room is an entry in its log, numbered
 * 1, 2, 3 … in the order the room's hub accepted it; the number is the entry's SSE `id:`, so a
 * reconnect's `Last-Event-ID` says exactly what a student has.
 */

/** A poll as every screen sees it while it is open: the question, not its answer. */
export interface RoomPollQuestion {
  /** `p1`, `p2` … in the order the presenter opened them. */
  id: string;
  prompt: string;
  options: readonly QuizOption[];
}

/** What the presenter's Reveal shows on every screen. */
export interface RoomPollReveal {
  answer: OptionLetter;
  explanation: string;
}

/**
 * One thing that happened in a room. The presenter's commands (`run` … `seek`, the poll's
 * `poll-open` and `poll-reveal`) and what the room's generator did (`trace`: the open, each frame,
 * the end, exactly as the server's own reader of the stream saw them), and each tally of answers.
 */
export type RoomEntryBody =
  | { kind: 'run'; params: StreamParams }
  /** `run`: the seq of the run entry whose generator did this; a late event of a replaced run is ignored. */
  | { kind: 'trace'; run: number; event: StreamEvent }
  | { kind: 'step' }
  | { kind: 'stop' }
  | { kind: 'reset' }
  | { kind: 'seek'; cursor: number | null }
  | { kind: 'poll-open'; poll: RoomPollQuestion }
  | { kind: 'poll-tally'; pollId: string; counts: readonly number[]; answered: number }
  | { kind: 'poll-reveal'; pollId: string; reveal: RoomPollReveal }
  | { kind: 'poll-close'; pollId: string };

export type RoomEntryKind = RoomEntryBody['kind'];

/** An entry as the log holds it: its number (the SSE id) and when the hub took it (ms since the epoch). */
export interface RoomEntry {
  seq: number;
  at: number;
  body: RoomEntryBody;
}

/** The SSE event names of the room's stream. */
export const ROOM_EVENT = {
  /** The room as it stands, first on every connection that cannot be caught up entry by entry. */
  snapshot: 'snapshot',
  /** One log entry (data: its JSON). */
  entry: 'entry',
  /** How many are in the room now: a passing figure, not a log entry (no `id:`). */
  presence: 'presence',
} as const;

/** How many entries a room's log keeps for catch-up; a reconnect missing more gets a snapshot. */
export const ROOM_LOG_LIMIT = 20_000;
/** A room untouched this long is gone. */
export const ROOM_IDLE_MS = 2 * 60 * 60 * 1000;
/** How many may follow a room at once, unless the server is configured otherwise (`STEPSTREAM_ROOM_CAPACITY`). */
export const ROOM_DEFAULT_CAPACITY = 500;
/** The cookie that holds a presenter's secret for a room (httpOnly: no page script ever reads it). */
export const presenterCookieName = (code: string) => `stepstream-presenter-${code}`;
/** The cookie that tells a student's answers apart (httpOnly, random, per browser). */
export const STUDENT_COOKIE = 'stepstream-student';
