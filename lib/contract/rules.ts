import { DELAY_MS_MAX, DELAY_MS_MIN, TEMPLATE_MAX_CHARS, TEMPLATE_MIN_CHARS, countChars } from './params';

/**
 * The parameter rules, written once, as plain functions: the route's query (`query.ts`), the
 * form (`draft.ts`) and share links all check with these, so the three can never disagree.
 * Plain, so the browser loads no validation library for three fields.
 */
export type RuleResult<T> = { ok: true; value: T } | { ok: false; error: string };
export type Rule<T> = (text: string) => RuleResult<T>;

/** A whole number in [min, max], read from text; `label` names the field in messages. */
export const wholeNumberRule =
  (label: string, min: number, max: number): Rule<number> =>
  (text) => {
    if (text === '') return { ok: false, error: `${label} must not be empty` };
    if (!/^-?\d+$/.test(text)) return { ok: false, error: `${label} must be a whole number` };
    const value = Number(text);
    if (value < min || value > max) return { ok: false, error: `${label} must be between ${min} and ${max}` };
    return { ok: true, value };
  };

/** The message template: 1–200 characters (code points) of any text, line breaks included. */
export const templateRule =
  (label: string): Rule<string> =>
  (text) => {
    const chars = countChars(text);
    if (chars < TEMPLATE_MIN_CHARS) return { ok: false, error: `${label} must not be empty` };
    if (chars > TEMPLATE_MAX_CHARS) return { ok: false, error: `${label} must be at most ${TEMPLATE_MAX_CHARS} characters` };
    return { ok: true, value: text };
  };

/** One of a few words, exactly; the message lists them ("mode must be timed, step or predict"). */
export const choiceRule =
  <T extends string>(label: string, choices: readonly T[]): Rule<T> =>
  (text) =>
    (choices as readonly string[]).includes(text)
      ? { ok: true, value: text as T }
      : { ok: false, error: `${label} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` };

const SLEEP_MIN_S = DELAY_MS_MIN / 1000;
const SLEEP_MAX_S = DELAY_MS_MAX / 1000;

/** The form's sleep, in seconds with at most three decimals, as whole milliseconds. */
export const sleepSecondsRule: Rule<number> = (text) => {
  if (text === '') return { ok: false, error: 'Sleep must not be empty' };
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { ok: false, error: 'Sleep must be a number of seconds, like 1 or 0.25' };
  if (!/^-?\d*(\.\d{0,3})?$/.test(text)) return { ok: false, error: 'Sleep can be at most 3 decimals (whole milliseconds)' };
  const seconds = Number(text);
  if (seconds < SLEEP_MIN_S || seconds > SLEEP_MAX_S)
    return { ok: false, error: `Sleep must be between ${SLEEP_MIN_S} and ${SLEEP_MAX_S} seconds` };
  return { ok: true, value: Math.round(seconds * 1000) };
};
