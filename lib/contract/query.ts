import { LAST_EVENT_ID_HEADER, LAST_EVENT_ID_PARAM, type EventId, type ResumePoint } from './event-id';
import { BUFFER_MIN, DEFAULT_PARAMS, type StreamEnd, type StreamMode, type StreamParams, type StreamQueryField } from './params';
import {
  BUFFER_RULE,
  DELAY_RULE,
  END_RULE,
  IDS_RULE,
  N_RULE,
  RETRY_RULE,
  TEMPLATE_RULE,
  dropAfterRule,
  eventIdRule,
  modeRule,
} from './query-rules';
import type { Rule } from './rules';

/** A rejected input: which field, and a sentence a person can act on. */
export interface FieldError<Field extends string = string> {
  field: Field;
  error: string;
}

/** What a stream request's errors can name: a query parameter, or the `Last-Event-ID` header. */
export type StreamRequestField = StreamQueryField | typeof LAST_EVENT_ID_HEADER;

/** A request's parameters, and where it resumes when it carries a last event id. */
export type QueryResult = { ok: true; params: StreamParams; resume?: ResumePoint } | ({ ok: false } & FieldError<StreamRequestField>);

type FieldResult<T> = { ok: true; value: T } | ({ ok: false } & FieldError<StreamRequestField>);

function readField<T>(query: URLSearchParams, field: StreamQueryField, rule: Rule<T>, fallback: T): FieldResult<T> {
  const values = query.getAll(field);
  if (values.length === 0) return { ok: true, value: fallback };
  if (values.length > 1) return { ok: false, field, error: `${field} was given more than once` };
  const result = rule(values[0]!);
  return result.ok ? result : { ok: false, field, error: result.error };
}

/**
 * Reads `GET /api/stream`'s query (`n`, `delay` in ms, `template`, `mode`, then the wire options
 * `ids`, `retry`, `end`, `dropAfter`, `buffer`, and `lastEventId`) and the request's
 * `Last-Event-ID` header. A parameter that is absent takes its default; one that is present must
 * be valid (an empty value is invalid, not "absent"). The first invalid field, in
 * `STREAM_QUERY_FIELDS` order and then the header, is the one reported.
 */
export function parseStreamQuery(query: URLSearchParams, lastEventIdHeader: string | null = null): QueryResult {
  const generator = readGeneratorFields(query);
  if (!generator.ok) return generator;
  const params = readWireFields(query, generator.value);
  if (!params.ok) return params;
  const resume = readResume(query, lastEventIdHeader, params.value);
  if (!resume.ok) return resume;
  return resume.value === undefined ? { ok: true, params: params.value } : { ok: true, params: params.value, resume: resume.value };
}

/** What the generator is asked to do: the seed's parameters, and step mode. */
function readGeneratorFields(query: URLSearchParams): FieldResult<StreamParams> {
  const n = readField(query, 'n', N_RULE, DEFAULT_PARAMS.n);
  if (!n.ok) return n;
  const delay = readField(query, 'delay', DELAY_RULE, DEFAULT_PARAMS.delayMs);
  if (!delay.ok) return delay;
  const template = readField(query, 'template', TEMPLATE_RULE, DEFAULT_PARAMS.template);
  if (!template.ok) return template;
  const mode = readField<StreamMode>(query, 'mode', modeRule, 'timed');
  if (!mode.ok) return mode;
  const params: StreamParams = { n: n.value, delayMs: delay.value, template: template.value };
  if (mode.value !== 'timed') params.mode = mode.value;
  return { ok: true, value: params };
}

/** How the frames travel. Each option is left out at its default, so the seed's parameters stay as they were. */
function readWireFields(query: URLSearchParams, generator: StreamParams): FieldResult<StreamParams> {
  const ids = readField(query, 'ids', IDS_RULE, false);
  if (!ids.ok) return ids;
  const retry = readField<number | undefined>(query, 'retry', RETRY_RULE, undefined);
  if (!retry.ok) return retry;
  const end = readField<StreamEnd>(query, 'end', END_RULE, 'close');
  if (!end.ok) return end;
  const dropAfter = readField<number | undefined>(query, 'dropAfter', dropAfterRule(generator.n), undefined);
  if (!dropAfter.ok) return dropAfter;
  const buffer = readField(query, 'buffer', BUFFER_RULE, BUFFER_MIN);
  if (!buffer.ok) return buffer;
  const params = { ...generator };
  if (ids.value) params.ids = true;
  if (retry.value !== undefined) params.retryMs = retry.value;
  if (end.value !== 'close') params.end = end.value;
  if (dropAfter.value !== undefined) params.dropAfter = dropAfter.value;
  if (buffer.value !== BUFFER_MIN) params.buffer = buffer.value;
  return { ok: true, value: params };
}

/**
 * Where the request resumes: the `lastEventId` parameter or the `Last-Event-ID` header, each an
 * id this stream could have sent. Both may be given only if they agree.
 */
function readResume(query: URLSearchParams, header: string | null, params: StreamParams): FieldResult<ResumePoint | undefined> {
  const fromQuery = readField<EventId | undefined>(query, LAST_EVENT_ID_PARAM, eventIdRule(LAST_EVENT_ID_PARAM, params), undefined);
  if (!fromQuery.ok) return fromQuery;
  if (header === null) return { ok: true, value: fromQuery.value && resumeAfter(fromQuery.value, LAST_EVENT_ID_PARAM) };
  const fromHeader = eventIdRule(LAST_EVENT_ID_HEADER, params)(header);
  if (!fromHeader.ok) return { ok: false, field: LAST_EVENT_ID_HEADER, error: fromHeader.error };
  if (fromQuery.value !== undefined && query.get(LAST_EVENT_ID_PARAM) !== header) {
    return {
      ok: false,
      field: LAST_EVENT_ID_PARAM,
      error: `${LAST_EVENT_ID_PARAM} and the ${LAST_EVENT_ID_HEADER} header name different events`,
    };
  }
  return { ok: true, value: resumeAfter(fromHeader.value, LAST_EVENT_ID_HEADER) };
}

const resumeAfter = ({ index, streamId }: EventId, field: ResumePoint['field']): ResumePoint =>
  streamId === undefined ? { lastIndex: index, field } : { lastIndex: index, streamId, field };
