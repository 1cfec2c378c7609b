import { hasEventIds, isHeldMode, type StreamParams } from './params';
import { LAST_EVENT_ID_HEADER, LAST_EVENT_ID_PARAM, STREAM_ID_PATTERN } from './protocol';

/**
 * Event ids and resuming, as `GET /api/stream` reads them. With ids on, frame i carries `id: i`, or
 * `id: <stream-id>/<i>` in step mode, so a reconnect can name the stream it had as well as the
 * frame. An `EventSource` sends the last id it received back in the `Last-Event-ID` header when it
 * reconnects (WHATWG HTML §9.2.4, https://html.spec.whatwg.org/multipage/server-sent-events.html#the-last-event-id-header);
 * a fetch client can send that header, or the `lastEventId` query parameter, itself.
 */

export { LAST_EVENT_ID_HEADER, LAST_EVENT_ID_PARAM };
export type ResumeField = typeof LAST_EVENT_ID_HEADER | typeof LAST_EVENT_ID_PARAM;

/** An event id read back: the frame's i, and the step-mode stream it belongs to when it names one. */
export interface EventId {
  index: number;
  streamId?: string;
}

/** Where a request resumes: after frame `lastIndex`, so it gets frames `lastIndex + 1 … n − 1`. */
export interface ResumePoint {
  lastIndex: number;
  /** Set when the id names a step-mode stream (`<stream-id>/<i>`): the request rejoins that stream. */
  streamId?: string;
  /** Where the id came from, so an error about it names the right field. */
  field: ResumeField;
}

/**
 * The `id:` of frame `i`: `<streamId>/<i>` for a step-mode stream, else `i`. The server passes the
 * template's `{i}` as `i` and fills it in with each frame's data.
 */
export function formatEventId(i: number | '{i}', streamId?: string): string {
  return streamId === undefined ? String(i) : `${streamId}/${i}`;
}

/**
 * Reads an id as `formatEventId` writes it, or null. Exact, with no sign, leading zero or space:
 * a client sends back the id string it received, so anything else is not an id the server sent.
 */
export function parseEventId(text: string): EventId | null {
  const slash = text.lastIndexOf('/');
  const digits = text.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,8})$/.test(digits)) return null;
  if (slash === -1) return { index: Number(digits) };
  const streamId = text.slice(0, slash);
  return STREAM_ID_PATTERN.test(streamId) ? { index: Number(digits), streamId } : null;
}

/**
 * Whether this request gets `204 No Content`: `end=204`, and it resumes after the last frame, so
 * nothing is left to send. An `EventSource` answered anything but 200 fails the connection and
 * stops reconnecting (WHATWG HTML §9.2.3, #sse-processing-model); 204 says so without a body.
 */
// WARNING: the code panel shows this function to students when end=204 (lib/code/typescript-excerpts.ts).
// #region lesson-excerpt no-content
export const answersNoContent = (params: Pick<StreamParams, 'n' | 'end'>, resume: Pick<ResumePoint, 'lastIndex'> | undefined) =>
  params.end === '204' && resume?.lastIndex === params.n - 1; // lesson: noContent
// #endregion lesson-excerpt no-content

/**
 * Whether the reconnect after the last frame is answered `204 No Content`: always with `end=204`;
 * and for a step-mode stream with ids once it has ended, since it cannot start again without
 * holding a new place for its presenter (the reconnect names a stream no longer held). The page's
 * EventSource reader reports the refusal that follows as that 204.
 */
export const endsWithNoContent = (params: Pick<StreamParams, 'end' | 'ids' | 'mode'>) =>
  params.end === '204' || (isHeldMode(params) && hasEventIds(params));
