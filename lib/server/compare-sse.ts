import 'server-only';
import { jsonError } from '@/lib/http/responses';
import { messageAt, readyAt, type Schedule } from '@/lib/compare/schedule';
import { encodeEvent } from '@/lib/sse/encode';
import { lifetimeFrame } from '@/lib/sse/frames';
import { SSE_HEADERS } from '@/lib/sse/headers';
import { clientOfRoute } from './client-address';
import { readLaneRequest } from './compare-request';
import { waitFor } from './compare-wait';
import { webSink, type FrameSink } from './event-stream';
import { currentLimits } from './limits';
import { admitStream, type StreamSlot } from './registry';

/** The frame that carries message `i`: its JSON, ready time included, as the event's data. */
export const compareFrame = (schedule: Schedule, i: number): string => encodeEvent({ data: JSON.stringify(messageAt(schedule, i)) });

/**
 * Writes messages `from`… at their ready times until the last, or until `stop` aborts; then ends,
 * with the final frame, if any. Through the same raw sink as `/api/stream`'s web response. No
 * keep-alive: like a timed `/api/stream` without a buffer, a lane writes at least every delay
 * (10 s at most), and its bytes are what the page counts.
 */
async function deliver(schedule: Schedule, from: number, sink: FrameSink, stop: AbortSignal, finalFrame: () => string) {
  for (let i = from; i < schedule.n && !stop.aborted; i++) {
    // WARNING: a timer may fire a millisecond before the time it was set for: wait again until the message is ready.
    while (Date.now() < readyAt(schedule, i) && !stop.aborted) await waitFor(readyAt(schedule, i) - Date.now(), stop);
    if (!stop.aborted) sink.write(compareFrame(schedule, i));
  }
  sink.end(finalFrame() || undefined);
}

/** Runs one admitted SSE lane: ends at the last message, on disconnect, at the lifetime cap or at shutdown; frees its place once. */
function run(
  schedule: Schedule,
  from: number,
  controller: ReadableStreamDefaultController<Uint8Array>,
  signal: AbortSignal,
  slot: StreamSlot,
) {
  const stop = new AbortController();
  let finalFrame = '';
  const end = (frame: string) => {
    finalFrame ||= frame;
    stop.abort();
  };
  const onGone = () => stop.abort();
  signal.addEventListener('abort', onGone, { once: true });
  slot.attach(end);
  const lifetimeMs = currentLimits().lifetimeMs;
  const lifetime = Number.isFinite(lifetimeMs) ? setTimeout(() => end(lifetimeFrame(lifetimeMs)), lifetimeMs) : null;
  const cleanUp = () => {
    if (lifetime) clearTimeout(lifetime);
    signal.removeEventListener('abort', onGone);
    slot.release();
  };
  deliver(schedule, from, webSink(controller), stop.signal, () => finalFrame)
    // Enqueue and close throw once the client has gone: there is nobody left to tell.
    .catch(() => undefined)
    .finally(cleanUp);
  return () => stop.abort();
}

/**
 * `GET /api/compare/sse`: one response, held open, that writes each message of the schedule at its
 * ready time as `data: {"i":0,"data":"Message 0","readyAt":…}`, then ends. Counted under the
 * stream caps as `/api/stream` is; ended with an `event: error` frame at the stream lifetime cap,
 * and with the shutdown comment when the server shuts down.
 */
export function sseLane(request: Request): Response {
  const lane = readLaneRequest(request);
  if (!lane.ok) return lane.response;
  const admission = admitStream(clientOfRoute(request.headers), currentLimits());
  if (!admission.ok) return jsonError(admission.status, admission.error, null, { 'Retry-After': String(admission.retryAfterSeconds) });

  const { schedule, after } = lane.query;
  let cancel = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      cancel = run(schedule, after + 1, controller, request.signal, admission.slot);
    },
    cancel: () => cancel(),
  });
  return new Response(body, { headers: { ...SSE_HEADERS, ...lane.sizeHeader } });
}
