import { DEFAULT_PARAMS, N_MAX, N_MIN, type StreamMode, type StreamParams } from './params';
import { sleepSecondsRule, templateRule, wholeNumberRule } from './rules';

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

const DRAFT_RULES = {
  n: wholeNumberRule('Range', N_MIN, N_MAX),
  sleepSeconds: sleepSecondsRule,
  template: templateRule('Message template'),
};

export type DraftResult = { ok: true; params: StreamParams } | { ok: false; errors: DraftErrors };

/** Validates the form by the same rules as `GET /api/stream`, with messages in the form's words. */
export function validateDraft(draft: ParamsDraft): DraftResult {
  const n = DRAFT_RULES.n(draft.n.trim());
  const delayMs = DRAFT_RULES.sleepSeconds(draft.sleepSeconds.trim());
  const template = DRAFT_RULES.template(draft.template);
  if (n.ok && delayMs.ok && template.ok) {
    const params: StreamParams = { n: n.value, delayMs: delayMs.value, template: template.value };
    if (draft.mode === 'step') params.mode = 'step';
    return { ok: true, params };
  }
  const errors: DraftErrors = {};
  if (!n.ok) errors.n = n.error;
  if (!delayMs.ok) errors.sleepSeconds = delayMs.error;
  if (!template.ok) errors.template = template.error;
  return { ok: false, errors };
}
