/**
 * The schedule every lane of `/compare` delivers: n messages, `delayMs` apart, the first ready at
 * `start` (the server's clock, ms since 1970). Message i is ready at `start + i × delayMs`; it
 * reads `Message i`, as the seed's generator yields it.
 *
 * Pure: the schedule is the whole state. The page puts it in every request's query, so the server
 * keeps nothing per run, and "now" is always passed in.
 */
export interface Schedule {
  /** When message 0 is ready, on the server's clock (ms since 1970). */
  start: number;
  /** How many messages: 1–`COMPARE_N_MAX`. */
  n: number;
  /** Milliseconds between two messages becoming ready: the seed's `time.sleep(1)` is 1000. */
  delayMs: number;
}

/** One message as every lane sends it: the same JSON object in a poll's answer and in an SSE frame's data. */
export interface ScheduledMessage {
  i: number;
  data: string;
  /** When it became ready, on the server's clock: what every lane's latency is measured from. */
  readyAt: number;
}

/**
 * How long after Start message 0 is ready. Every lane has sent its first request by then, so SSE
 * and long polling are measured delivering, not connecting; and with d a multiple of 250 ms each
 * message becomes ready between two ticks of both short-polling lanes (0.375 s before the next
 * tick of the 1 s lane, 0.125 s before that of the 250 ms lane), never on one, where a poll
 * arriving a millisecond early or late would swing the figure by a whole interval.
 */
export const SCHEDULE_LEAD_MS = 625;

/** How long a long poll waits for the next message before answering with none. */
export const LONG_POLL_TIMEOUT_MS = 25_000;

/** When message `i` is ready. */
export const readyAt = (schedule: Schedule, i: number): number => schedule.start + i * schedule.delayMs;

/** When the last message is ready: the schedule is over. */
export const lastReadyAt = (schedule: Schedule): number => readyAt(schedule, schedule.n - 1);

/** Message `i` of the schedule. */
export const messageAt = (schedule: Schedule, i: number): ScheduledMessage => ({ i, data: `Message ${i}`, readyAt: readyAt(schedule, i) });

/** How many messages are ready at `now`: 0 before `start`, n once the last is. */
export function readyCount(schedule: Schedule, now: number): number {
  if (now < schedule.start) return 0;
  if (schedule.delayMs === 0) return schedule.n;
  return Math.min(schedule.n, Math.floor((now - schedule.start) / schedule.delayMs) + 1);
}

/**
 * What a poll from a client that has everything up to message `after` (−1: nothing yet) gets at
 * `now`: every message after it that is ready, in order; none when nothing new is ready.
 */
export function messagesAfter(schedule: Schedule, after: number, now: number): ScheduledMessage[] {
  const messages: ScheduledMessage[] = [];
  for (let i = Math.max(0, after + 1); i < readyCount(schedule, now); i++) messages.push(messageAt(schedule, i));
  return messages;
}

/**
 * When a long poll that arrived at `now`, from a client that has everything up to `after`, should
 * answer: at once when something new is ready (or nothing more ever will be), else when the next
 * message is ready, or at `now + timeoutMs` if that comes first (the answer then holds no message
 * and the client asks again).
 */
export function longPollAnswerAt(schedule: Schedule, after: number, now: number, timeoutMs = LONG_POLL_TIMEOUT_MS): number {
  const next = after + 1;
  if (next >= schedule.n) return now;
  return Math.max(now, Math.min(readyAt(schedule, next), now + timeoutMs));
}
