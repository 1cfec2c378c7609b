import 'server-only';
import { jsonError } from '@/lib/http/responses';
import { LONG_POLL_TIMEOUT_MS, longPollAnswerAt, messagesAfter, type ScheduledMessage } from '@/lib/compare/schedule';
import { clientOfRoute } from './client-address';
import { laneJsonHeaders, readLaneRequest, type LaneRequest } from './compare-request';
import { waitFor } from './compare-wait';
import { currentLimits } from './limits';
import { admitStream } from './registry';

/** A poll's answer: the messages after the client's last, in order; none is a valid answer. */
export interface PollAnswer {
  messages: ScheduledMessage[];
}

const answer = (lane: LaneRequest, messages: ScheduledMessage[]) =>
  Response.json({ messages } satisfies PollAnswer, { headers: laneJsonHeaders(lane) });

/** `GET /api/compare/poll`: whatever is ready after `after`, at once. Nothing is kept between polls. */
export function shortPoll(request: Request): Response {
  const lane = readLaneRequest(request);
  if (!lane.ok) return lane.response;
  const { schedule, after } = lane.query;
  return answer(lane, messagesAfter(schedule, after, Date.now()));
}

/**
 * `GET /api/compare/long-poll`: answers when something after `after` is ready, or after
 * `LONG_POLL_TIMEOUT_MS` with nothing. A held poll counts under the stream caps (it holds a
 * connection as a stream does) and is answered early, empty, when the server shuts down.
 */
export async function longPoll(request: Request): Promise<Response> {
  const lane = readLaneRequest(request);
  if (!lane.ok) return lane.response;
  const admission = admitStream(clientOfRoute(request.headers), currentLimits());
  if (!admission.ok) return jsonError(admission.status, admission.error, null, { 'Retry-After': String(admission.retryAfterSeconds) });

  const { schedule, after } = lane.query;
  const stop = new AbortController();
  const onGone = () => stop.abort();
  request.signal.addEventListener('abort', onGone, { once: true });
  admission.slot.attach(onGone);
  try {
    const deadline = Date.now() + LONG_POLL_TIMEOUT_MS;
    for (;;) {
      const now = Date.now();
      const messages = messagesAfter(schedule, after, now);
      const answerAt = longPollAnswerAt(schedule, after, now, deadline - now);
      if (messages.length > 0 || answerAt <= now || stop.signal.aborted) return answer(lane, messages);
      // WARNING: a timer may fire a millisecond before the ready time it was set for: look again rather than answer empty.
      await waitFor(answerAt - now, stop.signal);
    }
  } finally {
    request.signal.removeEventListener('abort', onGone);
    admission.slot.release();
  }
}
