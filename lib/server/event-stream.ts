import 'server-only';
import { encodeEvent } from '@/lib/sse/encode';
import { renderTemplate, type StreamParams } from '@/lib/contract/params';
import { PacerDisposed, PacerExpired, createTimerPacer, type Pacer } from './pacer';

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
// WARNING: the code panel shows this function to students (lib/code/typescript-excerpts.ts).
// Keep the region lines around it and the "lesson:" markers on the lines it lights up.
// #region lesson-excerpt generator
export async function* eventStream(params: StreamParams, sleep: Sleep): AsyncGenerator<string, void> {
  // The f-string `f'data: {template}\n\n'` is encoded once; each frame only fills in `{i}` (digits,
  // never a line break, so filling in before or after encoding gives the same bytes).
  const frame = encodeEvent({ data: params.template });
  const numbered = frame.includes('{i}');
  // lesson: start end
  for (let i = 0; i < params.n; i++) {
    yield numbered ? renderTemplate(frame, i) : frame; // lesson: yield
    await sleep(params.delayMs); // lesson: sleep
  }
}
// #endregion lesson-excerpt generator

const utf8 = new TextEncoder();

/** Sent when the generator throws after the stream started, since the status can no longer change. */
export const GENERATOR_FAILED_FRAME = encodeEvent({ event: 'error', data: 'The generator stopped unexpectedly.' });

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

/** Where a running stream's frames go: a web `ReadableStream`'s controller, or a Node response. */
export interface FrameSink {
  /** Sends one frame now. If it throws (the other end has gone), the stream ends quietly. */
  write(frame: string): void;
  /** Ends the response; called at most once. If it throws (it has ended already), that is ignored. */
  end(): void;
}

/** A started stream: its frames are produced one `pump()` at a time, so a slow reader pauses the generator. */
export interface RunningEventStream {
  /**
   * Runs the generator to its next frame (through its sleep) and writes it. Resolves true if
   * there may be more, false once the stream has ended. Call again only after it has resolved.
   */
  pump(): Promise<boolean>;
  /** The reader has gone: stop at once, write nothing more. Idempotent. */
  cancel(): void;
}

/**
 * Starts `eventStream`, writing to `sink`. This is the one place a stream's life is kept, for
 * both the web `ReadableStream` the route handler returns and the Node response `server.mjs` writes.
 *
 * Cancellation has one idempotent cleanup, wired to `signal` (the request's) and to `cancel()`: it
 * disposes the pacer (clearing its timers and failing the pending sleep, so the generator stops at
 * once), ends the sink and calls `onFinish`; after it nothing is written.
 */
export function startEventStream(params: StreamParams, sink: FrameSink, options: EventStreamBodyOptions = {}): RunningEventStream {
  const { signal, pacer = createTimerPacer(), prelude = [], sleepBeforeFirstYield = false, onFinish, onStart, lifetimeMs } = options;
  let finished = false;
  let lifetimeTimer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  const generator = eventStream(params, (ms) => pacer.wait(ms));

  function cleanup() {
    if (finished) return;
    finished = true;
    signal?.removeEventListener('abort', cleanup);
    pacer.dispose();
    if (lifetimeTimer !== undefined) clearTimeout(lifetimeTimer);
    lifetimeTimer = undefined;
    try {
      sink.end();
    } catch {
      // Already ended or cancelled by the reader: there is nobody left to tell.
    }
    onFinish?.();
  }

  /** Writes a frame; false if the write threw (the reader has gone: nobody to tell). */
  function writeQuietly(frame: string): boolean {
    try {
      sink.write(frame);
      return true;
    } catch {
      return false;
    }
  }

  /** Ends the stream now, telling the client why in a last frame. */
  function stopWith(finalFrame: string) {
    if (finished) return;
    writeQuietly(finalFrame);
    cleanup();
  }

  /** The generator's next step; the first time, through the sleep step mode takes before the first yield. */
  function nextStep(): Promise<IteratorResult<string, void>> {
    if (started) return generator.next();
    started = true;
    return sleepBeforeFirstYield ? pacer.wait(0).then(() => generator.next()) : generator.next();
  }

  function onStep(step: IteratorResult<string, void>): boolean {
    // WARNING: the client may have gone while the generator slept; writing now would throw.
    if (finished) return false;
    if (step.done) {
      cleanup();
      return false;
    }
    if (writeQuietly(step.value)) return true;
    cleanup();
    return false;
  }

  function onFailure(error: unknown): boolean {
    if (error instanceof PacerDisposed) return false; // the stream ended while the generator slept
    // The status line has gone already: say what happened in the stream, then end it.
    stopWith(error instanceof PacerExpired ? encodeEvent({ event: 'error', data: error.message }) : GENERATOR_FAILED_FRAME);
    return false;
  }

  // Plain promise chains, not async functions: every promise is paid for once per frame.
  const pump = (): Promise<boolean> => (finished ? Promise.resolve(false) : nextStep().then(onStep, onFailure));

  if (signal?.aborted) cleanup();
  else {
    signal?.addEventListener('abort', cleanup, { once: true });
    for (const frame of prelude) sink.write(frame);
    onStart?.(stopWith);
    if (lifetimeMs !== undefined && Number.isFinite(lifetimeMs))
      lifetimeTimer = setTimeout(() => stopWith(lifetimeFrame(lifetimeMs)), lifetimeMs);
  }
  return { pump, cancel: cleanup };
}

/**
 * A started stream as a web byte stream, one frame per pull, so a frame leaves as soon as it is
 * yielded and a slow reader pauses the generator (as WSGI does with a Flask generator).
 */
export function toReadableStream(start: (sink: FrameSink) => RunningEventStream): ReadableStream<Uint8Array> {
  let running: RunningEventStream;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        running = start({ write: (frame) => controller.enqueue(utf8.encode(frame)), end: () => controller.close() });
      },
      pull: async () => void (await running.pump()),
      cancel: () => running.cancel(),
    },
    // Pull only when the previous frame has been taken, so nothing queues up ahead of the reader.
    { highWaterMark: 0 },
  );
}
