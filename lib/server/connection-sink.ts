import 'server-only';
import { KEEP_ALIVE_MS } from '@/lib/contract/protocol';
import { KEEP_ALIVE_FRAME } from '@/lib/sse/frames';
import type { FrameSink } from './event-stream';

/**
 * What one connection does to the frames on their way out, whichever stream they come from: its
 * opening frames, the `buffer` batches, the `dropAfter` cut and the keep-alive comments. Each is
 * a small `FrameSink` around the next; a connection that asks for none is the raw sink itself, so
 * the seed's stream pays for nothing here. The raw sink is a Node response (`serve-on-node.ts`) or
 * a web stream's controller (`webSink` in event-stream.ts); a room's followers write through
 * `withKeepAlive` too.
 */
export interface ConnectionOptions {
  /** Written first, straight through: `retry`, step mode's stream id. Never held back, never counted as frames. */
  prelude?: readonly string[];
  /** `buffer=K`: hold frames and write them K at a time. */
  batch?: number;
  /** Write a keep-alive comment after this long without writing, and again after each. */
  keepAliveMs?: number;
  /** `dropAfter=K`: cut the connection right after this connection's frame K. */
  cutAfter?: number;
  /** Called once the connection has been cut: the stream must write nothing more to it. */
  onCut?: () => void;
}

/** The sink a stream writes to for one connection: `raw` with what `options` ask for around it. */
export function openConnection(raw: FrameSink, options: ConnectionOptions = {}): FrameSink {
  const { prelude = [], batch = 1, keepAliveMs, cutAfter, onCut } = options;
  let sink = keepAliveMs === undefined ? raw : withKeepAlive(raw, keepAliveMs);
  for (const frame of prelude) sink.write(frame);
  if (batch > 1) sink = batched(sink, batch);
  if (cutAfter !== undefined) sink = cutting(sink, cutAfter, onCut);
  return sink;
}

/**
 * Writes `: keep-alive` whenever `intervalMs` pass without a write, so a proxy or load balancer
 * between server and client never sees the connection idle long enough to close it.
 */
export function withKeepAlive(raw: FrameSink, intervalMs: number = KEEP_ALIVE_MS): FrameSink {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(beat, intervalMs);
  };
  function beat() {
    try {
      raw.write(KEEP_ALIVE_FRAME);
      rearm();
    } catch {
      stop(); // the client has gone; the stream will find out at its next write
    }
  }
  rearm();
  return {
    write(frame) {
      raw.write(frame);
      rearm();
    },
    end(finalFrame) {
      stop();
      raw.end(finalFrame);
    },
    cut(lastFrame) {
      stop();
      raw.cut(lastFrame);
    },
  };
}

/**
 * Holds frames and writes them `size` at a time, in one write, as a buffering proxy or a
 * compressor would pass them on. What is held when the stream ends goes out with its end; a cut
 * sends it before cutting.
 */
export function batched(inner: FrameSink, size: number): FrameSink {
  let held = '';
  let count = 0;
  const take = () => {
    const burst = held;
    held = '';
    count = 0;
    return burst;
  };
  return {
    write(frame) {
      held += frame;
      if (++count >= size) inner.write(take());
    },
    end(finalFrame) {
      const rest = take() + (finalFrame ?? '');
      inner.end(rest === '' ? undefined : rest);
    },
    cut(lastFrame) {
      inner.cut(take() + lastFrame);
    },
  };
}

/**
 * Cuts the connection right after its frame `after` (counting from 0): that frame goes out, then
 * the connection drops. Anything written afterwards goes nowhere, and the end is never clean.
 */
export function cutting(inner: FrameSink, after: number, onCut?: () => void): FrameSink {
  let written = 0;
  let cut = false;
  const cutWith = (frame: string) => {
    cut = true;
    inner.cut(frame);
    onCut?.();
  };
  return {
    write(frame) {
      if (cut) return;
      if (written++ === after) cutWith(frame);
      else inner.write(frame);
    },
    end(finalFrame) {
      if (!cut) inner.end(finalFrame);
    },
    cut(lastFrame) {
      if (!cut) cutWith(lastFrame);
    },
  };
}
