import { z } from 'zod';

/** What the generator is asked to do: `for i in range(n)`, yield the template, sleep `delayMs`. */
export interface StreamParams {
  /** How many frames: the seed's `range(3)`. */
  n: number;
  /** The sleep after every yield, in milliseconds: the seed's `time.sleep(1)`. */
  delayMs: number;
  /** The message; every `{i}` becomes the loop variable. The seed's `Message {i}`. */
  template: string;
  /** `step`: every sleep waits for the presenter's Step instead of a timer. Absent means timed. */
  mode?: StreamMode;
}

export const STREAM_MODES = ['timed', 'step'] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

/** Whether the generator's sleeps wait for a presenter. */
export const isStepMode = (params: Pick<StreamParams, 'mode'>) => params.mode === 'step';

export const N_MIN = 1;
export const N_MAX = 1000;
export const DELAY_MS_MIN = 0;
export const DELAY_MS_MAX = 10_000;
export const TEMPLATE_MIN_CHARS = 1;
export const TEMPLATE_MAX_CHARS = 200;

/** The seed's generator: three messages, one second apart. */
export const DEFAULT_PARAMS: Readonly<StreamParams> = Object.freeze({ n: 3, delayMs: 1000, template: 'Message {i}' });

/** The query parameter names of `GET /api/stream`, in the order errors are reported. */
export const STREAM_QUERY_FIELDS = ['n', 'delay', 'template', 'mode'] as const;
export type StreamQueryField = (typeof STREAM_QUERY_FIELDS)[number];

/** Counts characters as a person does (code points), so an emoji is one, not two UTF-16 units. */
export const countChars = (text: string) => [...text].length;

/** Replaces every `{i}` with the loop variable, as the seed's f-string does. */
export function renderTemplate(template: string, i: number): string {
  return template.replaceAll('{i}', String(i));
}

/** A whole number in [min, max], read from text; `label` names the field in messages. */
export const integerText = (label: string, min: number, max: number) =>
  z
    .string()
    .min(1, `${label} must not be empty`)
    .regex(/^-?\d+$/, `${label} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${label} must be between ${min} and ${max}`).max(max, `${label} must be between ${min} and ${max}`));

/** The message template: 1–200 characters of any text, line breaks included. */
export const templateText = (label: string) =>
  z
    .string()
    .refine((text) => countChars(text) >= TEMPLATE_MIN_CHARS, `${label} must not be empty`)
    .refine((text) => countChars(text) <= TEMPLATE_MAX_CHARS, `${label} must be at most ${TEMPLATE_MAX_CHARS} characters`);

/** A rejected input: which field, and a sentence a person can act on. */
export interface FieldError<Field extends string = string> {
  field: Field;
  error: string;
}

export type QueryResult = { ok: true; params: StreamParams } | ({ ok: false } & FieldError<StreamQueryField>);

type FieldResult<T> = { ok: true; value: T } | ({ ok: false } & FieldError<StreamQueryField>);

function readField<T>(query: URLSearchParams, field: StreamQueryField, rule: z.ZodType<T, string>, fallback: T): FieldResult<T> {
  const values = query.getAll(field);
  if (values.length === 0) return { ok: true, value: fallback };
  if (values.length > 1) return { ok: false, field, error: `${field} was given more than once` };
  const result = rule.safeParse(values[0]);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, field, error: result.error.issues[0]?.message ?? `${field} is invalid` };
}

const N_RULE = integerText('n', N_MIN, N_MAX);
const DELAY_RULE = integerText('delay', DELAY_MS_MIN, DELAY_MS_MAX);
const TEMPLATE_RULE = templateText('template');
const MODE_RULE = z.enum(STREAM_MODES, { error: 'mode must be timed or step' });

/**
 * Reads `n`, `delay` (ms), `template` and `mode` from a query string. A parameter that is absent takes
 * its default; one that is present must be valid (an empty value is invalid, not "absent").
 */
export function parseStreamQuery(query: URLSearchParams): QueryResult {
  const n = readField(query, 'n', N_RULE, DEFAULT_PARAMS.n);
  if (!n.ok) return n;
  const delay = readField(query, 'delay', DELAY_RULE, DEFAULT_PARAMS.delayMs);
  if (!delay.ok) return delay;
  const template = readField(query, 'template', TEMPLATE_RULE, DEFAULT_PARAMS.template);
  if (!template.ok) return template;
  const mode = readField<StreamMode>(query, 'mode', MODE_RULE, 'timed');
  if (!mode.ok) return mode;
  const params: StreamParams = { n: n.value, delayMs: delay.value, template: template.value };
  if (mode.value === 'step') params.mode = 'step';
  return { ok: true, params };
}

/** The query string that asks the route for these parameters; defaults are left out. */
export function toStreamQuery(params: StreamParams): URLSearchParams {
  const query = new URLSearchParams();
  if (params.n !== DEFAULT_PARAMS.n) query.set('n', String(params.n));
  if (params.delayMs !== DEFAULT_PARAMS.delayMs) query.set('delay', String(params.delayMs));
  if (params.template !== DEFAULT_PARAMS.template) query.set('template', params.template);
  if (isStepMode(params)) query.set('mode', 'step');
  return query;
}
