import { DEFAULT_PARAMS, isStepMode, type StreamMode, type StreamParams, type StreamQueryField } from './params';
import { DELAY_RULE, N_RULE, TEMPLATE_RULE, modeRule, type Rule } from './rules';

/** A rejected input: which field, and a sentence a person can act on. */
export interface FieldError<Field extends string = string> {
  field: Field;
  error: string;
}

export type QueryResult = { ok: true; params: StreamParams } | ({ ok: false } & FieldError<StreamQueryField>);

type FieldResult<T> = { ok: true; value: T } | ({ ok: false } & FieldError<StreamQueryField>);

function readField<T>(query: URLSearchParams, field: StreamQueryField, rule: Rule<T>, fallback: T): FieldResult<T> {
  const values = query.getAll(field);
  if (values.length === 0) return { ok: true, value: fallback };
  if (values.length > 1) return { ok: false, field, error: `${field} was given more than once` };
  const result = rule(values[0]!);
  return result.ok ? result : { ok: false, field, error: result.error };
}

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
  const mode = readField<StreamMode>(query, 'mode', modeRule, 'timed');
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
