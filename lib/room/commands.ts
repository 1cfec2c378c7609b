import * as z from 'zod';
import { parseStreamQuery } from '@/lib/contract/query';
import type { StreamParams } from '@/lib/contract/params';
import { OPTION_LETTERS } from '@/lib/quiz/types';

/**
 * The presenter's commands and a student's answers: the bodies the pages post to
 * `/api/rooms/{code}/commands` and `/answers`, and the rules the server reads them by. Shared, so
 * the page's command is typed by the same schema the server checks it with.
 */

/** A command as the server carries it out: read by `readRoomCommand`, the run's parameters checked. */
export type RoomCommand =
  | { type: 'run'; params: StreamParams }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'reset' }
  | { type: 'seek'; step: number | null }
  | { type: 'poll-open' }
  | { type: 'poll-reveal' }
  | { type: 'poll-close' };

const scalar = z.union([z.string(), z.number()]);

/** The body's shape; the run's parameters are checked by the stream's own rules below. */
const COMMAND_BODY = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('run'),
    params: z
      .strictObject({ n: scalar.optional(), delay: scalar.optional(), template: scalar.optional(), mode: scalar.optional() })
      .optional(),
  }),
  z.strictObject({ type: z.literal('step') }),
  z.strictObject({ type: z.literal('stop') }),
  z.strictObject({ type: z.literal('reset') }),
  z.strictObject({ type: z.literal('seek'), step: z.union([z.number().int().min(1).max(1_000_000), z.null()]) }),
  z.strictObject({ type: z.literal('poll-open') }),
  z.strictObject({ type: z.literal('poll-reveal') }),
  z.strictObject({ type: z.literal('poll-close') }),
]);

/** A command as a page posts it: the run's parameters as the stream's query takes them (checked by the server). */
export type RoomCommandBody = z.input<typeof COMMAND_BODY>;

export type CommandReading = { ok: true; command: RoomCommand } | { ok: false; error: string; field: string };

/**
 * Reads a command's JSON. A run's parameters go through `GET /api/stream`'s own rules (one source
 * for each rule): `{n, delay, template, mode}`, `delay` in milliseconds, absent ones at the seed's values.
 */
export function readRoomCommand(json: unknown): CommandReading {
  const parsed = COMMAND_BODY.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : 'type';
    return { ok: false, field, error: `Not a room command: ${issue.message} (at ${field}).` };
  }
  const body = parsed.data;
  if (body.type !== 'run') return { ok: true, command: body };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(body.params ?? {})) if (value !== undefined) query.set(name, String(value));
  const result = parseStreamQuery(query);
  if (!result.ok) return { ok: false, field: `params.${result.field}`, error: result.error };
  // Predict mode asks one student for their own prediction before each frame; a room's screens follow the presenter.
  if (result.params.mode === 'predict')
    return { ok: false, field: 'params.mode', error: 'A room runs in timed or step mode; predict mode is for a student’s own page.' };
  return { ok: true, command: { type: 'run', params: result.params } };
}

/** A student's answer: `{pollId, choice}` with the option's letter. */
const ANSWER_BODY = z.strictObject({ pollId: z.string().regex(/^p\d{1,6}$/), choice: z.enum(OPTION_LETTERS) });
export type AnswerBody = z.infer<typeof ANSWER_BODY>;

export function readAnswer(json: unknown): { ok: true; answer: AnswerBody } | { ok: false; error: string; field: string } {
  const parsed = ANSWER_BODY.safeParse(json);
  if (parsed.success) return { ok: true, answer: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  return { ok: false, field, error: `Not an answer: ${issue.message} (at ${field}).` };
}
