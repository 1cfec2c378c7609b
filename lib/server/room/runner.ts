import 'server-only';
import { randomUUID } from 'node:crypto';
import { isStepMode, type StreamParams } from '@/lib/contract/params';
import type { RoomEntry, RoomEntryBody } from '@/lib/room/protocol';
import { parseSse, type SseItem, type SseMessage } from '@/lib/sse/read';
import { toStreamEvent } from '@/lib/trace/to-stream-event';
import type { StreamEvent } from '@/lib/trace/types';
import { startEventStream, type FrameSink } from '../event-stream';
import { createStepPacer, createTimerPacer } from '../pacer';
import type { RoomHub } from './hub';

/** How long a run keeps retrying an append the hub refused (Redis restarting) before it gives up. */
export const APPEND_RETRY_FOR_MS = 120_000;
const APPEND_RETRY_EVERY_MS = 200;

/** Reads one frame as a client's reader would: the (last) message in it, or null for a comment-only block. */
function parseFrame(frame: string): SseMessage | null {
  const messages = parseSse(frame).filter((item): item is SseItem & SseMessage => item.kind === 'event');
  return messages.at(-1) ?? null;
}

/**
 * Appends a run's entries in order, one call at a time, retrying a refused append until the hub
 * takes it: a Redis restarting mid-run delays the class's frames, it never loses, repeats or
 * reorders them.
 */
function createOrderedAppender(hub: RoomHub, code: string, onGiveUp: (error: unknown) => void) {
  let chain: Promise<void> = Promise.resolve();
  let gaveUp = false;
  // Numbered appends: a retry of one whose reply was lost (it was made) is not made twice.
  const writer = randomUUID();
  let appends = 0;
  async function appendUntilTaken(bodies: readonly RoomEntryBody[]) {
    const giveUpAt = Date.now() + APPEND_RETRY_FOR_MS;
    const once = { writer, n: ++appends };
    for (;;) {
      try {
        await hub.append(code, bodies, once);
        return;
      } catch (error) {
        if (Date.now() > giveUpAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, APPEND_RETRY_EVERY_MS));
      }
    }
  }
  return {
    append(bodies: readonly RoomEntryBody[]) {
      chain = chain.then(() => {
        if (gaveUp) return;
        return appendUntilTaken(bodies).catch((error: unknown) => {
          gaveUp = true;
          onGiveUp(error);
        });
      });
    },
    settled: () => chain,
  };
}

/** A room's generator, running in this process. */
export interface RoomRun {
  /** The seq of the run's `run` entry. */
  run: number;
  /** Stops the generator now: its last entry is a Stop (`end`, reason `stopped`), or, given a reason, an error saying it. */
  stop(reason?: string): void;
  /** Resolves once the generator has ended and every entry it made is in the hub. */
  done: Promise<void>;
}

/**
 * Runs the room's generator — the same `eventStream` that `GET /api/stream` runs, through the same
 * `startEventStream` — and appends what it does to the room as `trace` entries, each frame read
 * back with the one reader (`parseSse`) as a client would, timed from the run's start. In step mode it
 * waits at every sleep for a `step` entry; whichever instance the presenter's Step reached, the
 * entry reaches this one through the hub. A `stop`, `reset` or newer `run` entry ends it.
 */
export function startRoomRun(hub: RoomHub, code: string, runEntry: RoomEntry & { body: { kind: 'run' } }): RoomRun {
  const params: StreamParams = runEntry.body.params;
  const run = runEntry.seq;
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const stepping = isStepMode(params); // a room never predicts (lib/room/commands.ts refuses it)
  const stepPacer = stepping ? createStepPacer() : null;
  const pacer = stepPacer ?? createTimerPacer();
  let stopped = false;
  let stopReason: string | null = null;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const appender = createOrderedAppender(hub, code, (error) => console.error(`room ${code}: gave up appending run ${run}:`, error));
  const record = (event: StreamEvent) => appender.append([{ kind: 'trace', run, event }]);

  const unsubscribe = hub.subscribe(code, (entry) => {
    if (entry.seq <= run) return;
    const kind = entry.body.kind;
    if (kind === 'step') stepPacer?.advance();
    else if (kind === 'stop' || kind === 'reset' || kind === 'run') stop();
  });

  const sink: FrameSink = {
    write(frame) {
      const message = parseFrame(frame);
      if (message) record(toStreamEvent(message, elapsed()));
    },
    end(finalFrame) {
      const atMs = elapsed();
      const final = finalFrame === undefined ? null : parseFrame(finalFrame);
      if (stopReason) record({ type: 'error', atMs, message: stopReason });
      else if (stopped) record({ type: 'end', atMs, reason: 'stopped' });
      else if (final?.event === 'error') record(toStreamEvent(final, atMs));
      else record({ type: 'end', atMs, reason: 'complete' });
      finish();
    },
    cut() {
      throw new Error('a room run never cuts its connection');
    },
  };

  function finish() {
    unsubscribe();
    void appender.settled().then(resolveDone);
  }

  const running = startEventStream(params, sink, { pacer, sleepBeforeFirstYield: stepping });
  function stop(reason?: string) {
    if (stopped) return;
    stopped = true;
    stopReason = reason ?? null;
    running.cancel();
  }

  record({ type: 'open', atMs: 0 });
  void (async () => {
    try {
      while (await running.pump());
    } catch (error) {
      console.error(`room ${code}: run ${run} failed:`, error);
      stop();
    }
  })();
  return { run, stop, done };
}
