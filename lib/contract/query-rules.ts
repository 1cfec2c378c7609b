import { parseEventId, type EventId } from './event-id';
import {
  BUFFER_MAX,
  BUFFER_MIN,
  DELAY_MS_MAX,
  DELAY_MS_MIN,
  N_MAX,
  N_MIN,
  RETRY_MS_MAX,
  RETRY_MS_MIN,
  STREAM_ENDS,
  STREAM_MODES,
  hasEventIds,
  isHeldMode,
  type StreamParams,
} from './params';
import { choiceRule, templateRule, wholeNumberRule, type Rule } from './rules';

/*
 * The rules of `GET /api/stream`'s query, by parameter name, made from the shared rules
 * (rules.ts): what the route and share links check. Apart from them so the page's first load,
 * which only checks the form, carries none of this.
 */

export const modeRule = choiceRule('mode', STREAM_MODES);
export const N_RULE = wholeNumberRule('n', N_MIN, N_MAX);
export const DELAY_RULE = wholeNumberRule('delay', DELAY_MS_MIN, DELAY_MS_MAX);
export const TEMPLATE_RULE = templateRule('template');

const idsChoice = choiceRule('ids', ['0', '1']);
/** `ids=1` turns ids on, `ids=0` leaves them off. */
export const IDS_RULE: Rule<boolean> = (text) => {
  const choice = idsChoice(text);
  return choice.ok ? { ok: true, value: choice.value === '1' } : choice;
};
export const RETRY_RULE = wholeNumberRule('retry', RETRY_MS_MIN, RETRY_MS_MAX);
export const END_RULE = choiceRule('end', STREAM_ENDS);
export const BUFFER_RULE = wholeNumberRule('buffer', BUFFER_MIN, BUFFER_MAX);
/** `dropAfter` names a frame of this stream: 0 to n − 1 (a cut after the last frame would cut nothing). */
export const dropAfterRule = (n: number) => wholeNumberRule('dropAfter', 0, n - 1);

/**
 * An event id this stream could have sent, as a client sends it back: `i` (from 0 to n − 1), or
 * `<stream-id>/<i>` when the stream is step mode with ids. Whether a step stream by that id is
 * still held is the server's to know.
 */
export const eventIdRule =
  (label: string, params: StreamParams): Rule<EventId> =>
  (text) => {
    if (text === '') return { ok: false, error: `${label} must not be empty` };
    const named = isHeldMode(params) && hasEventIds(params);
    const id = parseEventId(text);
    if (id === null || (id.streamId !== undefined) !== named || id.index > params.n - 1) {
      const form = named ? '<stream-id>/<i>' : 'i';
      return { ok: false, error: `${label} must be an event id this stream sends: ${form}, with i from 0 to ${params.n - 1}` };
    }
    return { ok: true, value: id };
  };
