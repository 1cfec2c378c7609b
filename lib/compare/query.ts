import { DELAY_MS_MAX, DELAY_MS_MIN, DEFAULT_PARAMS } from '@/lib/contract/params';
import type { FieldError } from '@/lib/contract/query';
import { sleepSecondsRule, wholeNumberRule, type Rule } from '@/lib/contract/rules';
import type { Schedule } from './schedule';

/**
 * The lanes' query: `start`, `n`, `delay` (ms), `after` and `every`, checked by the same plain rules
 * as `GET /api/stream` (lib/contract/rules.ts). The server keeps nothing per run, so everything a
 * lane needs is here, and a request that could not come from the page is refused with
 * `400 {error, field}` before anything waits.
 */

/** /compare's own cap: four lanes, one of them polling four times a second, stay in the hundreds of requests. */
export const COMPARE_N_MIN = 1;
export const COMPARE_N_MAX = 100;
/** `start` may lie this far in the past (a run of 100 messages 10 s apart lasts under 17 minutes)… */
export const START_PAST_MS = 3_600_000;
/** …or this far in the future (the page starts the schedule 0.625 s ahead; clocks may disagree a little). */
export const START_FUTURE_MS = 60_000;
/** A polling interval the page may declare, in ms. */
export const EVERY_MS_MIN = 100;
export const EVERY_MS_MAX = 10_000;

/** The query parameters, in the order they are written and checked. */
export const LANE_QUERY_FIELDS = ['start', 'n', 'delay', 'after', 'every'] as const;
export type LaneQueryField = (typeof LANE_QUERY_FIELDS)[number];

/** One lane request: the schedule, what the client already has, and (polls) how often it asks. */
export interface LaneQuery {
  schedule: Schedule;
  /** The last message the client has; −1 for none. */
  after: number;
  /** The short-polling interval the client declares, in ms; it changes no answer, but tells two polling lanes apart. */
  every: number | null;
}

export type LaneQueryResult = { ok: true; query: LaneQuery } | ({ ok: false } & FieldError<LaneQueryField>);

const N_RULE = wholeNumberRule('n', COMPARE_N_MIN, COMPARE_N_MAX);
const DELAY_RULE = wholeNumberRule('delay', DELAY_MS_MIN, DELAY_MS_MAX);
const EVERY_RULE = wholeNumberRule('every', EVERY_MS_MIN, EVERY_MS_MAX);

/** `start` against the server's clock: a whole number of ms since 1970 within the window above. */
const startRule =
  (now: number): Rule<number> =>
  (text) => {
    const whole = wholeNumberRule('start', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)(text);
    if (!whole.ok) return whole;
    if (whole.value < now - START_PAST_MS || whole.value > now + START_FUTURE_MS) {
      return {
        ok: false,
        error: `start must be within the last hour or the next minute of the server's clock (ms since 1970; it reads ${now})`,
      };
    }
    return whole;
  };

type FieldResult<T> = { ok: true; value: T } | ({ ok: false } & FieldError<LaneQueryField>);

function readField<T>(query: URLSearchParams, field: LaneQueryField, rule: Rule<T>, fallback: T | undefined): FieldResult<T> {
  const values = query.getAll(field);
  if (values.length > 1) return { ok: false, field, error: `${field} was given more than once` };
  if (values.length === 0) {
    return fallback === undefined ? { ok: false, field, error: `${field} is required` } : { ok: true, value: fallback };
  }
  const result = rule(values[0]!);
  return result.ok ? result : { ok: false, field, error: result.error };
}

/**
 * Reads a lane request's query at the server's `now`. `start` is required; `n` and `delay` default
 * to the seed's 3 and 1000; `after` (−1 … n − 1) to −1; `every` is optional.
 */
export function parseLaneQuery(query: URLSearchParams, now: number): LaneQueryResult {
  const start = readField(query, 'start', startRule(now), undefined);
  if (!start.ok) return start;
  const n = readField(query, 'n', N_RULE, DEFAULT_PARAMS.n);
  if (!n.ok) return n;
  const delay = readField(query, 'delay', DELAY_RULE, DEFAULT_PARAMS.delayMs);
  if (!delay.ok) return delay;
  const after = readField(query, 'after', wholeNumberRule('after', -1, n.value - 1), -1);
  if (!after.ok) return after;
  const every = readField<number | null>(query, 'every', EVERY_RULE, null);
  if (!every.ok) return every;
  return {
    ok: true,
    query: { schedule: { start: start.value, n: n.value, delayMs: delay.value }, after: after.value, every: every.value },
  };
}

/** The query string of a lane request; `every` only when given. */
export function toLaneQuery({ schedule, after, every }: LaneQuery): URLSearchParams {
  const query = new URLSearchParams({ start: String(schedule.start), n: String(schedule.n), delay: String(schedule.delayMs) });
  query.set('after', String(after));
  if (every !== null) query.set('every', String(every));
  return query;
}

/** The form on /compare, as typed. */
export interface CompareDraft {
  n: string;
  /** The sleep between two messages, in seconds, as the lesson's form takes it. */
  seconds: string;
}
export type CompareDraftField = keyof CompareDraft;

export const DEFAULT_COMPARE_DRAFT: Readonly<CompareDraft> = Object.freeze({
  n: String(DEFAULT_PARAMS.n),
  seconds: String(DEFAULT_PARAMS.delayMs / 1000),
});

export type CompareDraftResult =
  { ok: true; n: number; delayMs: number } | { ok: false; errors: Partial<Record<CompareDraftField, string>> };

/** Checks the form by the rules the lanes' query uses (the sleep as the lesson's form reads it). */
export function validateCompareDraft(draft: CompareDraft): CompareDraftResult {
  const n = N_RULE(draft.n.trim());
  const delayMs = sleepSecondsRule(draft.seconds.trim());
  if (n.ok && delayMs.ok) return { ok: true, n: n.value, delayMs: delayMs.value };
  const errors: Partial<Record<CompareDraftField, string>> = {};
  if (!n.ok) errors.n = n.error;
  if (!delayMs.ok) errors.seconds = delayMs.error;
  return { ok: false, errors };
}
