import * as z from 'zod/mini';
import { STREAM_ENDS, STREAM_MODES } from '@/lib/contract/params';
import type { StreamEvent } from '@/lib/trace/types';

/*
 * The shape of a trace file, checked when one is loaded. A file is anyone's: every list and every
 * string is bounded, so a hostile one costs little to refuse. Its own module, loaded only with
 * the export card, so zod stays out of the page's first load.
 */

export { MAX_RECORDING_BYTES } from './recording-limits';
/** Open, 10,000 frames and the end make 10,002; room to spare for reconnects. */
export const MAX_RECORDING_EVENTS = 20_000;
/** Longer than any frame's data (a 200-character template with every `{i}` filled), id or message. */
export const MAX_EVENT_TEXT_CHARS = 4096;
/** Thirty days: longer than any run the server keeps open. */
export const MAX_AT_MS = 30 * 24 * 60 * 60 * 1000;

const text = z.string().check(z.maxLength(MAX_EVENT_TEXT_CHARS));
// A CR, LF or NUL in an id or event name could never have arrived (the encoder refuses them too).
const fieldText = text.check(z.regex(/^[^\r\n\0]*$/));
const atMs = z.number().check(z.gte(0), z.lte(MAX_AT_MS));

const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), atMs }),
  z.object({ type: z.literal('frame'), atMs, data: text, id: z.optional(fieldText), event: z.optional(fieldText) }),
  z.object({
    type: z.literal('reconnect'),
    atMs,
    cause: z.enum(['ended', 'cut']),
    retryMs: z.nullable(z.number().check(z.gte(0), z.lte(MAX_AT_MS))),
    lastEventId: z.nullable(fieldText),
  }),
  z.object({
    type: z.literal('end'),
    atMs,
    reason: z.enum(['complete', 'stopped', 'no-content', 'closed-after-last', 'closed-on-end']),
  }),
  z.object({ type: z.literal('error'), atMs, message: text }),
]);

/** The parameters' types only: their values are checked by the stream's own rules (`validateDraft`). */
const paramsSchema = z.object({
  n: z.int(),
  delayMs: z.int(),
  template: z.string().check(z.maxLength(MAX_EVENT_TEXT_CHARS)),
  mode: z.optional(z.enum(STREAM_MODES)),
  ids: z.optional(z.boolean()),
  retryMs: z.optional(z.int()),
  end: z.optional(z.enum(STREAM_ENDS)),
  dropAfter: z.optional(z.int()),
  buffer: z.optional(z.int()),
});

/**
 * A version-1 file, its `format` and `version` already checked. Rows and frames are only
 * bounded here: they must equal what the events rebuild, which import.ts checks field by field.
 */
export const recordingSchema = z.object({
  exportedAt: z.string().check(z.maxLength(64)),
  params: paramsSchema,
  events: z.array(eventSchema).check(z.minLength(1), z.maxLength(MAX_RECORDING_EVENTS)),
  rows: z.array(z.unknown()).check(z.maxLength(MAX_RECORDING_EVENTS + 1)),
  frames: z.array(z.unknown()).check(z.maxLength(MAX_RECORDING_EVENTS)),
});

// The schema must accept exactly the events the store records.
type AcceptedEvent = z.infer<typeof eventSchema>;
const _sameEvents: [AcceptedEvent extends StreamEvent ? true : false, StreamEvent extends AcceptedEvent ? true : false] = [true, true];
void _sameEvents;

/** Where in the file an issue is, as a person reads a path: `events[4].atMs`. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.map((key, k) => (typeof key === 'number' ? `[${key}]` : `${k === 0 ? '' : '.'}${String(key)}`)).join('') || 'the file';
}

/** One schema issue as a sentence: where, and what was wrong there. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issuePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${where} is missing` : `${where} should be ${article(issue.expected)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${where} is too long (at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'entries'})`
        : `${where} is too large (at most ${String(issue.maximum)})`;
    case 'too_small':
      return issue.origin === 'array' ? `${where} is empty` : `${where} must be ${String(issue.minimum)} or more`;
    case 'invalid_value':
      return `${where} must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'invalid_union':
      return `${where} is not a kind of event a stream sends (open, frame, reconnect, end or error)`;
    case 'invalid_format':
      return `${where} holds a line break or NUL, which a stream's field cannot carry`;
    default:
      return `${where} is not valid`;
  }
}

const article = (type: string) => (type === 'int' ? 'a whole number' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
