import {
  BUFFER_MAX,
  BUFFER_MIN,
  DEFAULT_PARAMS,
  N_MAX,
  N_MIN,
  RETRY_MS_MAX,
  RETRY_MS_MIN,
  type StreamEnd,
  type StreamMode,
  type StreamParams,
} from './params';
import { sleepSecondsRule, templateRule, wholeNumberRule, type RuleResult } from './rules';

/**
 * The parameters form as the person typed it: text, kept even when invalid so nothing is lost.
 * Sleep is in seconds, as in the seed's `time.sleep(1)`; the route takes milliseconds. The stream
 * lab's options are off (or empty) by default, which asks for the seed's bytes.
 */
export interface ParamsDraft {
  n: string;
  sleepSeconds: string;
  template: string;
  /** Step mode: the presenter's Step ends each sleep; predict mode: the student's Reveal lets each frame go. */
  mode: StreamMode;
  /** Every frame carries `id: i`. */
  ids: boolean;
  /** How the stream ends: `close` (the seed), a final `event: end`, or a 204 to the reconnect. */
  end: StreamEnd;
  /** `retry:` in milliseconds; empty leaves the browser's own. */
  retryMs: string;
  /** The frame after which the server cuts the connection once; empty never cuts. */
  dropAfter: string;
  /** Frames held and written together; empty (or 1) writes each as it is yielded. */
  buffer: string;
}
/** The fields typed as text. */
export type DraftField = 'n' | 'sleepSeconds' | 'template' | 'retryMs' | 'dropAfter' | 'buffer';
export type DraftErrors = Partial<Record<DraftField, string>>;

export const DEFAULT_DRAFT: Readonly<ParamsDraft> = Object.freeze(draftFromParams(DEFAULT_PARAMS));

export function draftFromParams(params: StreamParams): ParamsDraft {
  return {
    n: String(params.n),
    sleepSeconds: String(params.delayMs / 1000),
    template: params.template,
    mode: params.mode ?? 'timed',
    ids: params.ids ?? false,
    end: params.end ?? 'close',
    retryMs: params.retryMs === undefined ? '' : String(params.retryMs),
    dropAfter: params.dropAfter === undefined ? '' : String(params.dropAfter),
    buffer: params.buffer === undefined ? '' : String(params.buffer),
  };
}

const DRAFT_RULES = {
  n: wholeNumberRule('Range', N_MIN, N_MAX),
  sleepSeconds: sleepSecondsRule,
  template: templateRule('Message template'),
  retryMs: wholeNumberRule('Retry', RETRY_MS_MIN, RETRY_MS_MAX),
  buffer: wholeNumberRule('Buffer', BUFFER_MIN, BUFFER_MAX),
  dropAfter: (n: number) => wholeNumberRule('Cut after frame', 0, n - 1),
};

export type DraftResult = { ok: true; params: StreamParams } | { ok: false; errors: DraftErrors };

/** An optional field: empty means "not asked for". */
const optional = (text: string, rule: (text: string) => RuleResult<number>): RuleResult<number | undefined> =>
  text.trim() === '' ? { ok: true, value: undefined } : rule(text.trim());

/** Validates the form by the same rules as `GET /api/stream`, with messages in the form's words. */
export function validateDraft(draft: ParamsDraft): DraftResult {
  const n = DRAFT_RULES.n(draft.n.trim());
  const checks = {
    n,
    sleepSeconds: DRAFT_RULES.sleepSeconds(draft.sleepSeconds.trim()),
    template: DRAFT_RULES.template(draft.template),
    retryMs: optional(draft.retryMs, DRAFT_RULES.retryMs),
    buffer: optional(draft.buffer, DRAFT_RULES.buffer),
    // A cut names a frame of this range; with no valid range yet there is nothing to check it against.
    dropAfter: n.ok ? optional(draft.dropAfter, DRAFT_RULES.dropAfter(n.value)) : ({ ok: true, value: undefined } as const),
  };
  const errors: DraftErrors = {};
  for (const [field, result] of Object.entries(checks) as Array<[DraftField, RuleResult<unknown>]>)
    if (!result.ok) errors[field] = result.error;
  if (!checks.n.ok || !checks.sleepSeconds.ok || !checks.template.ok || !checks.retryMs.ok || !checks.buffer.ok || !checks.dropAfter.ok) {
    return { ok: false, errors };
  }
  const params: StreamParams = { n: checks.n.value, delayMs: checks.sleepSeconds.value, template: checks.template.value };
  if (draft.mode !== 'timed') params.mode = draft.mode;
  if (draft.ids) params.ids = true;
  if (draft.end !== 'close') params.end = draft.end;
  if (checks.retryMs.value !== undefined) params.retryMs = checks.retryMs.value;
  if (checks.dropAfter.value !== undefined) params.dropAfter = checks.dropAfter.value;
  if (checks.buffer.value !== undefined && checks.buffer.value !== BUFFER_MIN) params.buffer = checks.buffer.value;
  return { ok: true, params };
}
