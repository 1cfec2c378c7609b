import 'server-only';
import { encodeEvent } from '@/lib/sse/encode';
import { lifetimeFrame } from '@/lib/sse/frames';
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
 * With ids on, `frameId` is the id's template (`{i}`, or `<stream-id>/{i}` in step mode) and every
 * frame carries it filled in, first: `id: 0\ndata: Message 0\n\n`.
 */
// WARNING: the code panel shows this function to students (lib/code/typescript-excerpts.ts).
// Keep the region lines around it and the "lesson:" markers on the lines it lights up.
// #region lesson-excerpt generator
export async function* eventStream(params: StreamParams, sleep: Sleep, frameId?: string): AsyncGenerator<string, void> {
  // The f-string `f'data: {template}\n\n'` (after `id: {i}` when ids are on) is encoded once; each frame
  // only fills in `{i}` (digits, never a line break, so filling in before or after encoding gives the same bytes).
  const frame = encodeEvent({ id: frameId, data: params.template });
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
  /** Sleep once before the first frame too (step mode: nothing arrives before the first Step). */
  sleepBeforeFirstYield?: boolean;
  /** Called once, whenever and however the stream ends. */
  onFinish?: () => void;
  /** Receives a function that ends the stream early with a last frame (used at shutdown). */
  onStart?: (stop: (finalFrame: string) => void) => void;
  /** The longest the stream may stay open; then it ends with an `event: error` frame. */
  lifetimeMs?: number;
  /** The `id:` template every frame carries, `{i}` filled in (ids on); no ids unless given. */
  frameId?: string;
  /**
   * A resumed request's last event: the client has frames 0 … resumeAfter, so the generator runs
   * through them without writing them or sleeping after them, and frame resumeAfter + 1 leaves at once.
   */
  resumeAfter?: number;
  /** Written after the generator has ended, its last sleep included (`end=event`). */
  endFrame?: string;
}

/** Where a running stream's frames go: a web `ReadableStream`'s controller, or a Node response. */
export interface FrameSink {
  /** Sends one frame now. If it throws (the other end has gone), the stream ends quietly. */
  write(frame: string): void;
  /** Ends the response cleanly, after `finalFrame` if given; called at most once. If it throws (it has ended already), that is ignored. */
  end(finalFrame?: string): void;
  /**
   * Sends `lastFrame`, then drops the connection with no clean end, so the client sees a network
   * error rather than the end of the stream (`dropAfter`). Nothing is written after it.
   */
  cut(lastFrame: string): void;
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
  const { signal, pacer = createTimerPacer(), sleepBeforeFirstYield = false, onFinish, onStart, lifetimeMs } = options;
  const { frameId, resumeAfter = -1, endFrame } = options;
  let finished = false;
  let lifetimeTimer: ReturnType<typeof setTimeout> | undefined;
  let started = false;
  /** The i of the frame the generator yielded last. */
  let index = -1;
  // A resumed client has had frame resumeAfter and its sleep: skip the sleeps up to and including it.
  const generator = eventStream(params, (ms) => (index <= resumeAfter ? Promise.resolve() : pacer.wait(ms)), frameId);

  function cleanup(finalFrame?: string) {
    if (finished) return;
    finished = true;
    signal?.removeEventListener('abort', onAbort);
    pacer.dispose();
    if (lifetimeTimer !== undefined) clearTimeout(lifetimeTimer);
    lifetimeTimer = undefined;
    try {
      sink.end(finalFrame);
    } catch {
      // Already ended or cancelled by the reader: there is nobody left to tell.
    }
    onFinish?.();
  }
  const onAbort = () => cleanup();

  /** Ends the stream now, telling the client why in a last frame. */
  const stopWith = (finalFrame: string) => cleanup(finalFrame);

  /** The generator's next step; the first time, through the sleep step mode takes before the first frame. */
  function nextStep(): Promise<IteratorResult<string, void>> {
    if (started) return generator.next();
    started = true;
    // A resumed stream with no frame left ends at once, as the full stream would have after its last sleep.
    const waitFirst = sleepBeforeFirstYield && resumeAfter + 1 < params.n;
    return waitFirst ? pacer.wait(0).then(() => generator.next()) : generator.next();
  }

  function onStep(step: IteratorResult<string, void>): boolean | Promise<boolean> {
    // WARNING: the client may have gone while the generator slept; writing now would throw.
    if (finished) return false;
    // WARNING: the code panel shows these lines to students when end=event (lib/code/typescript-excerpts.ts).
    // #region lesson-excerpt end-event
    if (step.done) {
      cleanup(endFrame); // lesson: endEvent
      return false;
    }
    // #endregion lesson-excerpt end-event
    index += 1;
    if (index <= resumeAfter) return pump(); // the client has this frame already
    if (writeQuietly(step.value)) return true;
    cleanup();
    return false;
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
    signal?.addEventListener('abort', onAbort, { once: true });
    onStart?.(stopWith);
    if (lifetimeMs !== undefined && Number.isFinite(lifetimeMs))
      lifetimeTimer = setTimeout(() => stopWith(lifetimeFrame(lifetimeMs)), lifetimeMs);
  }
  return { pump, cancel: onAbort };
}

/**
 * How long a cut (`dropAfter`) waits after its last frame has left before dropping the connection.
 * Without it, Chromium's EventSource sometimes loses that frame: when the bytes and the
 * connection's end arrive together, the page is told of the failure before it has read them
 * (seen here about once in a hundred cuts, on loopback). The frame must arrive, or "cut after
 * frame K" would sometimes be "after K − 1".
 */
export const CUT_GRACE_MS = 100;

/** What a `ReadableStream` is errored with when the server cuts it (`dropAfter`); an abort, so Next.js logs nothing. */
const CUT = () => new DOMException('The server cut the connection (dropAfter).', 'AbortError');

/**
 * The raw sink onto a web `ReadableStream`'s controller, for every web response we stream: the
 * route's `/api/stream`, a room's followers, the compare lane. `onSend` is told of each chunk.
 */
export function webSink(controller: ReadableStreamDefaultController<Uint8Array>, onSend?: () => void): FrameSink {
  const send = (frame: string) => {
    controller.enqueue(utf8.encode(frame));
    onSend?.();
  };
  return {
    write: send,
    end: (finalFrame) => {
      if (finalFrame !== undefined) send(finalFrame);
      controller.close();
    },
    cut: (lastFrame) => {
      send(lastFrame);
      // WARNING: erroring the stream at once could discard the frame before it is sent: Next.js
      // pipes each chunk to the socket corked until the next tick, and destroys the socket
      // when the stream errors. The grace lets the frame leave, and reach the page, first.
      setTimeout(() => controller.error(CUT()), CUT_GRACE_MS);
    },
  };
}

/**
 * A started stream as a web byte stream, one frame per pull, so a frame leaves as soon as it is
 * yielded and a slow reader pauses the generator (as WSGI does with a Flask generator).
 */
export function toReadableStream(start: (sink: FrameSink) => RunningEventStream): ReadableStream<Uint8Array> {
  let running: RunningEventStream;
  /** Chunks handed to the stream so far. */
  let chunks = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        running = start(webSink(controller, () => (chunks += 1)));
      },
      // A pull must hand over a chunk, or the stream never pulls again: a frame held back
      // (`buffer`) or skipped (a resume) sends nothing, so pump on until something is sent.
      pull: async () => {
        const before = chunks;
        while ((await running.pump()) && chunks === before);
      },
      cancel: () => running.cancel(),
    },
    // Pull only when the previous frame has been taken, so nothing queues up ahead of the reader.
    { highWaterMark: 0 },
  );
}
