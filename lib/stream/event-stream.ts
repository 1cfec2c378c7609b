import { encodeEvent } from '@/lib/sse/encode';
import { renderTemplate, type StreamParams } from './params';
import { PacerExpired, createTimerPacer, type Pacer } from './pacer';

/** Waits `ms` milliseconds (or for the presenter); rejects if the stream is cancelled meanwhile. */
export type Sleep = (ms: number) => Promise<void>;

/**
 * The seed's Flask generator, line for line:
 *
 *     for i in range(n):
 *         yield f'data: {template}\n\n'
 *         time.sleep(delay)
 *
 * It sleeps after every yield, the last included, so the stream ends one delay after its last frame.
 */
export async function* eventStream(params: StreamParams, sleep: Sleep): AsyncGenerator<string, void> {
  for (let i = 0; i < params.n; i++) {
    yield encodeEvent({ data: renderTemplate(params.template, i) });
    await sleep(params.delayMs);
  }
}

const utf8 = new TextEncoder();

/** Sent when the generator throws after the stream started, since the status can no longer change. */
export const GENERATOR_FAILED_FRAME = encodeEvent({ event: 'error', data: 'The generator stopped unexpectedly.' });

/** Thrown into a sleeping generator when its stream is cancelled. */
class StreamCancelled extends Error {}

export interface EventStreamBodyOptions {
  /** The request's signal: aborted when the client disconnects. */
  signal?: AbortSignal;
  /** Keeps the sleeps; a real timer unless given. */
  pacer?: Pacer;
  /** Frames sent before the generator starts (step mode's stream id). */
  prelude?: readonly string[];
  /** Sleep once before the first yield too (step mode: nothing arrives before the first Step). */
  sleepBeforeFirstYield?: boolean;
  /** Called once, whenever and however the stream ends. */
  onFinish?: () => void;
  /** Receives a function that ends the stream early with a last frame (used at shutdown). */
  onStart?: (stop: (finalFrame: string) => void) => void;
  /** The longest the stream may stay open; then it ends with an `event: error` frame. */
  lifetimeMs?: number;
}

/** Sent when a stream reaches its lifetime cap. */
export const lifetimeFrame = (lifetimeMs: number) =>
  encodeEvent({ event: 'error', data: `This stream reached its time limit (${Math.round(lifetimeMs / 1000)} s) and was closed.` });

/**
 * Runs `eventStream` as a byte stream, one frame per pull, so a frame leaves as soon as it is
 * yielded and a slow reader pauses the generator (as WSGI does with a Flask generator).
 *
 * Cancellation has one idempotent cleanup, wired to both `signal` (the request's) and the stream's
 * `cancel()`: it disposes the pacer (clearing its timers), wakes the generator with an error so it
 * stops at once, and after it nothing is enqueued.
 */
export function createEventStreamBody(params: StreamParams, options: EventStreamBodyOptions = {}): ReadableStream<Uint8Array> {
  const { signal, pacer = createTimerPacer(), prelude = [], sleepBeforeFirstYield = false, onFinish, onStart, lifetimeMs } = options;
  let finished = false;
  let lifetimeTimer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  let wakeWithError: ((reason: Error) => void) | undefined;

  const sleep: Sleep = (ms) =>
    new Promise((resolve, reject) => {
      wakeWithError = reject;
      pacer.wait(ms).then(() => {
        wakeWithError = undefined;
        resolve();
      }, reject);
    });

  const generator = eventStream(params, sleep);
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;

  function cleanup() {
    if (finished) return;
    finished = true;
    signal?.removeEventListener('abort', cleanup);
    pacer.dispose();
    if (lifetimeTimer !== undefined) clearTimeout(lifetimeTimer);
    lifetimeTimer = undefined;
    wakeWithError?.(new StreamCancelled());
    wakeWithError = undefined;
    closeQuietly();
    onFinish?.();
  }

  /** Ends the body if it is still open; a cancelled or closed stream refuses, which is fine. */
  function closeQuietly() {
    try {
      streamController?.close();
    } catch {
      // Already closed or cancelled by the reader: there is nobody left to tell.
    }
  }

  /** Ends the stream now, telling the client why in a last frame. */
  function stopWith(finalFrame: string) {
    if (finished) return;
    try {
      streamController?.enqueue(utf8.encode(finalFrame));
    } catch {
      // The reader has gone: nobody to tell.
    }
    cleanup();
  }

  if (signal?.aborted) cleanup();
  else signal?.addEventListener('abort', cleanup, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        streamController = controller;
        if (finished) return closeQuietly();
        for (const frame of prelude) controller.enqueue(utf8.encode(frame));
        onStart?.(stopWith);
        if (lifetimeMs !== undefined && Number.isFinite(lifetimeMs)) lifetimeTimer = setTimeout(() => stopWith(lifetimeFrame(lifetimeMs)), lifetimeMs);
      },
      async pull(controller) {
        if (finished) return;
        let step: IteratorResult<string, void>;
        try {
          if (!started) {
            started = true;
            if (sleepBeforeFirstYield) await sleep(0);
          }
          step = await generator.next();
        } catch (error) {
          if (error instanceof StreamCancelled) return;
          // The status line has gone already: say what happened in the stream, then end it.
          const frame = error instanceof PacerExpired ? encodeEvent({ event: 'error', data: error.message }) : GENERATOR_FAILED_FRAME;
          if (!finished) controller.enqueue(utf8.encode(frame));
          cleanup();
          return;
        }
        // WARNING: the client may have gone while the generator slept; enqueueing now would throw.
        if (finished) return;
        if (step.done) cleanup();
        else controller.enqueue(utf8.encode(step.value));
      },
      cancel: cleanup,
    },
    // Pull only when the previous frame has been taken, so nothing queues up ahead of the reader.
    { highWaterMark: 0 },
  );
}
