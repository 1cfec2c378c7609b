import type { StreamParams } from '@/lib/contract/params';
import { statusAfter } from '@/lib/trace/status-after';
import type { ConnectionStatus, StreamEvent } from '@/lib/trace/types';
import type { RoomEntry, RoomPollQuestion, RoomPollReveal } from './protocol';
import { assertNever } from '@/lib/contract/assert-never';

/** The open (or last) poll as the room stands. */
export interface RoomPollState {
  question: RoomPollQuestion;
  /** Answers per option, in the options' order. */
  counts: readonly number[];
  answered: number;
  reveal: RoomPollReveal | null;
  closed: boolean;
}

/**
 * A room as it stands after its log so far: the run the presenter started (its parameters and
 * everything its generator did), where the presenter is in it, and the poll. What a late joiner
 * gets first; what every screen folds entries into.
 */
export interface RoomState {
  /** The last entry folded in: a snapshot's SSE id. */
  seq: number;
  params: StreamParams | null;
  events: readonly StreamEvent[];
  status: ConnectionStatus;
  /** The presenter's replay position; null follows the live end. */
  cursor: number | null;
  poll: RoomPollState | null;
  /** How many polls were opened, so the next is `p<polls + 1>`. */
  polls: number;
  /** The seq of the current run's `run` entry: only its generator's `trace` entries count. */
  run: number;
}

export const EMPTY_ROOM: RoomState = Object.freeze({
  seq: 0,
  params: null,
  events: [],
  status: 'idle',
  cursor: null,
  poll: null,
  polls: 0,
  run: 0,
});

/** Whether the room's generator is running (its last event was neither an end nor an error). */
export const isRoomRunning = (room: Pick<RoomState, 'status'>) => room.status === 'connecting' || room.status === 'open';

/**
 * The room after one more entry. Pure; entries must come in order (`seq` one more than the
 * state's): anything else is a programmer's mistake and throws, since a screen folding a gap
 * would show a table the room never had.
 */
export function applyRoomEntry(room: RoomState, entry: RoomEntry): RoomState {
  if (entry.seq !== room.seq + 1) throw new RangeError(`room entry ${entry.seq} applied after ${room.seq}`);
  const next = { ...room, seq: entry.seq };
  const body = entry.body;
  switch (body.kind) {
    case 'run':
      return { ...next, params: body.params, events: [], status: 'connecting', cursor: null, run: entry.seq };
    case 'trace':
      if (body.run !== room.run || room.params === null) return next; // a replaced run's generator, still stopping
      return { ...next, events: [...room.events, body.event], status: statusAfter(body.event) };
    case 'step':
    case 'stop':
      return next; // what they did arrives as the generator's own events
    case 'reset':
      return { ...next, params: null, events: [], status: 'idle', cursor: null, run: 0 };
    case 'seek':
      return { ...next, cursor: body.cursor };
    case 'poll-open':
      return {
        ...next,
        polls: room.polls + 1,
        poll: { question: body.poll, counts: body.poll.options.map(() => 0), answered: 0, reveal: null, closed: false },
      };
    case 'poll-tally':
      return room.poll?.question.id === body.pollId
        ? { ...next, poll: { ...room.poll, counts: body.counts, answered: body.answered } }
        : next;
    case 'poll-reveal':
      return room.poll?.question.id === body.pollId ? { ...next, poll: { ...room.poll, reveal: body.reveal } } : next;
    case 'poll-close':
      return room.poll?.question.id === body.pollId ? { ...next, poll: { ...room.poll, closed: true } } : next;
    default:
      return assertNever(body, 'room entry');
  }
}

/** Folds entries in order. */
export const applyRoomEntries = (room: RoomState, entries: readonly RoomEntry[]) => entries.reduce(applyRoomEntry, room);
