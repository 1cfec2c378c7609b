import 'server-only';
import { formatEventId } from '@/lib/contract/event-id';
import { hasEventIds, isHeldMode, isPredictMode, type StreamParams } from '@/lib/contract/params';
import { END_EVENT, END_EVENT_DATA, KEEP_ALIVE_MS } from '@/lib/contract/protocol';
import { encodeEvent } from '@/lib/sse/encode';
import { retryFrame } from '@/lib/sse/frames';
import { openConnection, type ConnectionOptions } from './connection-sink';
import { startEventStream, type EventStreamBodyOptions, type FrameSink, type RunningEventStream } from './event-stream';
import { withStepMode } from './step-mode';
import { startRejoinableStream } from './step-rejoin';

/** `end=event`'s last frame: `event: end\ndata: done\n\n`. */
export const END_FRAME = encodeEvent({ event: END_EVENT, data: END_EVENT_DATA });

/**
 * What a new stream's connection does with the frames: `retry` first, then step mode's id, each
 * written at once; `buffer`'s batches; the `dropAfter` cut, unless the request resumed (a client
 * that reconnected is never cut again); and keep-alive comments on a stream that can go quiet
 * for longer than `KEEP_ALIVE_MS`: one waiting for its presenter, or one holding frames back. A
 * timed stream without a buffer writes at least every 10 s (the longest delay), so it needs none.
 */
export function connectionOptionsFor(params: StreamParams, resumed: boolean, idFrame?: string): ConnectionOptions {
  const prelude = params.retryMs === undefined ? [] : [retryFrame(params.retryMs)];
  if (idFrame !== undefined) prelude.push(idFrame);
  const batch = params.buffer ?? 1;
  return {
    prelude,
    batch,
    keepAliveMs: isHeldMode(params) || batch > 1 ? KEEP_ALIVE_MS : undefined,
    cutAfter: resumed ? undefined : params.dropAfter,
  };
}

/**
 * Starts a new stream on its first connection: timed, held for the presenter (step mode), or, in
 * step mode with ids, rejoinable after a lost connection. `resumeAfter` is the last frame a
 * resuming client has; `base` carries the caps' hooks.
 */
export function startStream(
  params: StreamParams,
  resumeAfter: number | undefined,
  raw: FrameSink,
  signal: AbortSignal | undefined,
  base: EventStreamBodyOptions,
): RunningEventStream {
  const resumed = resumeAfter !== undefined;
  const run: EventStreamBodyOptions = { ...base, resumeAfter, endFrame: params.end === 'event' ? END_FRAME : undefined };
  if (!isHeldMode(params)) {
    const frameId = hasEventIds(params) ? formatEventId('{i}') : undefined;
    return startConnected(params, raw, { ...run, signal, frameId }, connectionOptionsFor(params, resumed));
  }
  if (!hasEventIds(params)) {
    const step = withStepMode(run, { sleepFirst: isPredictMode(params) });
    return startConnected(params, raw, { ...step.options, signal }, connectionOptionsFor(params, resumed, step.idFrame));
  }
  // The id names the stream as well as the frame, so a reconnect can find this stream again.
  const step = withStepMode(run, { sleepFirst: isPredictMode(params) });
  const options = { ...step.options, frameId: formatEventId('{i}', step.id) };
  const stream = startRejoinableStream(params, step.id, options, (rejoined) => connectionOptionsFor(params, rejoined, step.idFrame));
  return stream.connect(raw, signal);
}

/** A stream with one connection for its whole life: when the connection is cut, the stream ends. */
function startConnected(params: StreamParams, raw: FrameSink, options: EventStreamBodyOptions, connection: ConnectionOptions) {
  const sink = openConnection(raw, { ...connection, onCut: () => running.cancel() });
  const running: RunningEventStream = startEventStream(params, sink, options);
  return running;
}
