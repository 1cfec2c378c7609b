import { z } from 'zod';
import {
  DEFAULT_PARAMS,
  DELAY_MS_MAX,
  DELAY_MS_MIN,
  N_MAX,
  N_MIN,
  integerText,
  templateText,
  type StreamMode,
  type StreamParams,
} from './params';

/**
 * The parameters form as the person typed it: text, kept even when invalid so nothing is lost.
 * Sleep is in seconds, as in the seed's `time.sleep(1)`; the route takes milliseconds.
 */
export interface ParamsDraft {
  n: string;
  sleepSeconds: string;
  template: string;
  /** Step mode: the presenter's Step ends each sleep. */
  mode: StreamMode;
}
/** The fields typed as text. */
export type DraftField = Exclude<keyof ParamsDraft, 'mode'>;
export type DraftErrors = Partial<Record<DraftField, string>>;

export const DEFAULT_DRAFT: Readonly<ParamsDraft> = Object.freeze(draftFromParams(DEFAULT_PARAMS));

export function draftFromParams(params: StreamParams): ParamsDraft {
  return { n: String(params.n), sleepSeconds: String(params.delayMs / 1000), template: params.template, mode: params.mode ?? 'timed' };
}

const SLEEP_MIN_S = DELAY_MS_MIN / 1000;
const SLEEP_MAX_S = DELAY_MS_MAX / 1000;

/** Seconds with at most three decimals, so it is a whole number of milliseconds, as the route requires. */
const sleepSecondsText = z
  .string()
  .min(1, 'Sleep must not be empty')
  .regex(/^-?(\d+(\.\d*)?|\.\d+)$/, 'Sleep must be a number of seconds, like 1 or 0.25')
  .regex(/^-?\d*(\.\d{0,3})?$/, 'Sleep can be at most 3 decimals (whole milliseconds)')
  .transform(Number)
  .pipe(
    z
      .number()
      .min(SLEEP_MIN_S, `Sleep must be between ${SLEEP_MIN_S} and ${SLEEP_MAX_S} seconds`)
      .max(SLEEP_MAX_S, `Sleep must be between ${SLEEP_MIN_S} and ${SLEEP_MAX_S} seconds`),
  )
  .transform((seconds) => Math.round(seconds * 1000));

const DRAFT_RULES = {
  n: integerText('Range', N_MIN, N_MAX),
  sleepSeconds: sleepSecondsText,
  template: templateText('Message template'),
};

export type DraftResult = { ok: true; params: StreamParams } | { ok: false; errors: DraftErrors };

/** Validates the form by the same rules as `GET /api/stream`, with messages in the form's words. */
export function validateDraft(draft: ParamsDraft): DraftResult {
  const n = DRAFT_RULES.n.safeParse(draft.n.trim());
  const delayMs = DRAFT_RULES.sleepSeconds.safeParse(draft.sleepSeconds.trim());
  const template = DRAFT_RULES.template.safeParse(draft.template);
  if (n.success && delayMs.success && template.success) {
    const params: StreamParams = { n: n.data, delayMs: delayMs.data, template: template.data };
    if (draft.mode === 'step') params.mode = 'step';
    return { ok: true, params };
  }
  const errors: DraftErrors = {};
  if (!n.success) errors.n = n.error.issues[0]?.message;
  if (!delayMs.success) errors.sleepSeconds = delayMs.error.issues[0]?.message;
  if (!template.success) errors.template = template.error.issues[0]?.message;
  return { ok: false, errors };
}
