import 'server-only';
import { processState } from '../process-state';
import { ROOM_REFUSALS } from '@/lib/room/refusals';

/** Tries with a code that names no room, per client address, in `JOIN_WINDOW_MS`: enough for a class's typos behind one school NAT, far too few to guess codes. */
export const JOIN_MISSES_ALLOWED = 30;
export const JOIN_WINDOW_MS = 5 * 60 * 1000;

/**
 * Whether `client` may try another code now. Only misses count, so a class of 500 sharing one
 * address joins freely while guessing among 244 million codes stays hopeless. Returns the seconds
 * to wait when it may not.
 */
export function joinRetryAfter(client: string, now = Date.now()): number | null {
  const attempts = processState().joinAttempts.get(client);
  if (!attempts || now - attempts.windowStart >= JOIN_WINDOW_MS || attempts.count < JOIN_MISSES_ALLOWED) return null;
  return Math.ceil((attempts.windowStart + JOIN_WINDOW_MS - now) / 1000);
}

/**
 * The one join-limit check the events route and the join page share: null when `client` may try
 * another code, else the seconds to wait and the refusal to show.
 */
export function joinLimited(client: string, now = Date.now()): { waitSeconds: number; message: string } | null {
  const waitSeconds = joinRetryAfter(client, now);
  return waitSeconds === null ? null : { waitSeconds, message: ROOM_REFUSALS.tooManyTries(waitSeconds) };
}

/** Counts a miss (a code that names no room) against `client`. */
export function countJoinMiss(client: string, now = Date.now()) {
  const all = processState().joinAttempts;
  const attempts = all.get(client);
  if (!attempts || now - attempts.windowStart >= JOIN_WINDOW_MS) all.set(client, { windowStart: now, count: 1 });
  else attempts.count += 1;
  if (all.size > 10_000) for (const [key, value] of all) if (now - value.windowStart >= JOIN_WINDOW_MS) all.delete(key);
}
