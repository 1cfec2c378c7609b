import 'server-only';
import { STEP_REJOIN_WINDOW_MS } from '@/lib/contract/protocol';
import type { StreamParams } from '@/lib/contract/params';
import { openConnection, type ConnectionOptions } from './connection-sink';
import { startEventStream, type EventStreamBodyOptions, type FrameSink, type RunningEventStream } from './event-stream';
import { processState, type RejoinableStream } from './process-state';

/** One connection to a rejoinable stream: where its frames go, and a promise that settles when it closes. */
interface Connection {
  sink: FrameSink;
  closed: Promise<boolean>;
  close(finalFrame?: string): void;
}

/**
 * A step-mode stream with ids (`id` its stream id, `options` from `withStepMode`), kept apart
 * from its connections. A presenter's lesson outlives a dropped Wi-Fi: when the connection goes,
 * the stream keeps its generator, its pacer and its place under the caps for `windowMs`
 * (`STEP_REJOIN_WINDOW_MS`), and a reconnect that names it (`Last-Event-ID: <stream-id>/<k>`)
 * takes it up again, with the frames after k it may have missed sent first. Steps taken meanwhile are not lost: the frame each one yields while nobody
 * is connected is kept for the rejoin.
 *
 * The presenter's Steps drive it, not a reader: one frame per Step, so it runs whether or not a
 * client is connected, and its connections only watch (`pump()` resolves when theirs closes).
 * Each frame it has sent is kept (one per Step, so few) to resend on a rejoin.
 */
export function startRejoinableStream(
  params: StreamParams,
  id: string,
  options: EventStreamBodyOptions,
  connectionOptions: (resumed: boolean) => ConnectionOptions,
  windowMs = STEP_REJOIN_WINDOW_MS,
): RejoinableStream {
  const sent: string[] = [];
  let current: Connection | null = null;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;

  /** The run's one sink: every frame is kept, and goes to the connection of the moment, if any. */
  const switchboard: FrameSink = {
    write(frame) {
      sent.push(frame);
      const connection = current;
      try {
        connection?.sink.write(frame);
      } catch {
        if (connection) lose(connection); // it has gone; the frame is kept for its rejoin
      }
    },
    end(finalFrame) {
      const connection = current;
      current = null;
      connection?.close(finalFrame);
    },
    // The run never cuts: connections do (`dropAfter`, in `openConnection`). Were it asked to, the
    // frame is kept and the connection let go, so the stream can still be rejoined.
    cut(lastFrame) {
      switchboard.write(lastFrame);
      if (current) lose(current);
    },
  };

  const run = startEventStream(params, switchboard, {
    ...options,
    onFinish: () => {
      clearTimeout(holdTimer);
      processState().rejoinable.delete(id);
      options.onFinish?.();
    },
  });
  const drive = (): void => void run.pump().then((more) => more && drive());

  /** The connection has gone (or been taken over): hold the stream for a rejoin, then let it go. */
  function lose(connection: Connection) {
    if (current !== connection) return;
    current = null;
    connection.close();
    holdTimer = setTimeout(run.cancel, windowMs);
  }

  function connect(raw: FrameSink, signal?: AbortSignal, lastIndex?: number): RunningEventStream {
    // A reconnect can arrive before the server has seen the old connection drop: it takes over.
    if (current) lose(current);
    clearTimeout(holdTimer);
    const connection: Connection = openStepConnection(raw, connectionOptions(lastIndex !== undefined), () => lose(connection));
    current = connection;
    try {
      for (const frame of sent.slice((lastIndex ?? -1) + 1)) connection.sink.write(frame);
    } catch {
      lose(connection);
    }
    signal?.addEventListener('abort', () => lose(connection), { once: true });
    return { pump: () => connection.closed, cancel: () => lose(connection) };
  }

  const stream: RejoinableStream = { sent: () => sent.length, connect, end: run.cancel };
  processState().rejoinable.set(id, stream);
  drive();
  return stream;
}

/** A connection of a rejoinable stream; `closed` resolves false (no more frames for it) when it closes. */
function openStepConnection(raw: FrameSink, options: ConnectionOptions, onCut: () => void): Connection {
  let resolveClosed: (more: boolean) => void = () => {};
  const closed = new Promise<boolean>((resolve) => (resolveClosed = resolve));
  const sink = openConnection(raw, { ...options, onCut });
  return {
    sink,
    closed,
    close(finalFrame) {
      try {
        sink.end(finalFrame);
      } catch {
        // The client has gone already.
      }
      resolveClosed(false);
    },
  };
}

/** The rejoinable stream with this id, if it is still running (connected or held). */
export const findRejoinableStream = (id: string) => processState().rejoinable.get(id);
