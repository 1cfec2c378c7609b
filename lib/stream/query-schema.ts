import * as z from 'zod/mini';
import {
  DEFAULT_PARAMS,
  DELAY_MS_MAX,
  DELAY_MS_MIN,
  N_MAX,
  N_MIN,
  STREAM_MODES,
  TEMPLATE_MAX_CHARS,
  TEMPLATE_MIN_CHARS,
  countChars,
  type QueryResult,
  type StreamParams,
  type StreamQueryField,
} from './params';

/**
 * The stream endpoint's query schema, in zod. It states the same rules as `lib/stream/rules.ts`
 * (which the browser uses, so the page ships no validator); `query-schema.test.ts` checks the two
 * agree on every query fast-check can think of. It lives in `lib/`, not beside `route.ts`, because
 * `openStream` uses it for both servers of the endpoint: the route handler and `server.mjs`'s
 * direct one.
 */
const wholeNumber = (field: string, min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.minLength(1, `${field} must not be empty`), z.regex(/^-?\d+$/, `${field} must be a whole number`)), z.transform(Number)),
    z.number().check(z.gte(min, `${field} must be between ${min} and ${max}`), z.lte(max, `${field} must be between ${min} and ${max}`)),
  );

const template = z
  .string()
  .check(
    z.refine((text: string) => countChars(text) >= TEMPLATE_MIN_CHARS, 'template must not be empty'),
    z.refine((text: string) => countChars(text) <= TEMPLATE_MAX_CHARS, `template must be at most ${TEMPLATE_MAX_CHARS} characters`),
  );

/** A query parameter given at most once: absent is undefined, present is checked by `value`. */
const once = <T>(field: StreamQueryField, value: z.ZodMiniType<T, string>) =>
  z.pipe(
    z.array(z.string()).check(z.maxLength(1, `${field} was given more than once`)),
    z.pipe(
      z.transform((values: string[]) => values[0]),
      z.optional(value),
    ),
  );

const streamQuery = z.object({
  n: once('n', wholeNumber('n', N_MIN, N_MAX)),
  delay: once('delay', wholeNumber('delay', DELAY_MS_MIN, DELAY_MS_MAX)),
  template: once('template', template),
  mode: once('mode', z.enum(STREAM_MODES, { error: 'mode must be timed or step' })),
});

/** Reads `n`, `delay`, `template` and `mode`; absent ones take their defaults; the first problem is reported. */
export function parseStreamQueryWithZod(query: URLSearchParams): QueryResult {
  const raw = { n: query.getAll('n'), delay: query.getAll('delay'), template: query.getAll('template'), mode: query.getAll('mode') };
  const result = streamQuery.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, field: issue.path[0] as StreamQueryField, error: issue.message };
  }
  const { n, delay, template: text, mode } = result.data;
  const params: StreamParams = { n: n ?? DEFAULT_PARAMS.n, delayMs: delay ?? DEFAULT_PARAMS.delayMs, template: text ?? DEFAULT_PARAMS.template };
  if (mode === 'step') params.mode = 'step';
  return { ok: true, params };
}
