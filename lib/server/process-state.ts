import 'server-only';
import type { FrameSink, RunningEventStream } from './event-stream';
import type { StepPacer } from './pacer';
import type { RoomHub } from './room/hub';
import type { RoomRun } from './room/runner';

/*
 * PROCESS-WIDE STATE. Everything this server keeps for the life of the process, and nothing
 * else anywhere, lives in the one object below: the open streams under the caps, the step-mode
 * streams waiting for their presenter, and those of them a reconnect may rejoin.
 *
 * It hangs off `globalThis` under one symbol because Next.js may load this module once per
 * route bundle (the stream route, the advance route, instrumentation), and all of them must
 * see the same streams. Nothing is created by importing this module: the object is made on
 * first use.
 */

/** Ends a stream early: sends `finalFrame`, then closes it. */
export type StopStream = (finalFrame: string) => void;

/** A step-mode stream with ids, which outlives its connection for a while (`step-rejoin.ts`). */
export interface RejoinableStream {
  /** How many frames it has sent; a client can have had ids up to this − 1. */
  sent(): number;
  /**
   * Takes `sink` as its connection: the connection's opening frames, the frames after `lastIndex`
   * (all of them for the first connection, which leaves it undefined), then each frame to come.
   */
  connect(sink: FrameSink, signal?: AbortSignal, lastIndex?: number): RunningEventStream;
  /** Ends it now, connected or not. */
  end(): void;
}

export interface ProcessState {
  startedAt: number;
  /** Set on SIGTERM: no stream is admitted after it. */
  draining: boolean;
  /** Every open stream, with how to stop it. */
  open: Map<number, { client: string; stop: StopStream | null }>;
  /** Open streams per client address, for the per-client cap. */
  perClient: Map<string, number>;
  nextId: number;
  /** The running step-mode streams, by the id only their own client knows. */
  stepStreams: Map<string, StepPacer>;
  /** The step-mode streams with ids, by the same id: live, or held for a reconnect to rejoin. */
  rejoinable: Map<string, RejoinableStream>;
  /** The classroom's hub (memory, or Redis with `REDIS_URL`), made on first use. */
  roomHub: Promise<RoomHub> | null;
  /** The rooms' generators running in this process, by room code. */
  roomRuns: Map<string, RoomRun>;
  /** Who follows each room through this process: how many students, and how to tell each the room's head count. */
  roomFollowers: Map<string, { students: number; tell: Set<(present: number) => void> }>;
  /** Reports this process's students per room to the hub and passes the room's total on, every few seconds. */
  roomPresenceTimer: ReturnType<typeof setInterval> | null;
  /** Every open room follower's stream, with how to end it (at shutdown). */
  roomStreams: Set<(finalFrame: string) => void>;
  /** Join attempts per client address in the current window (`join-limit.ts`). */
  joinAttempts: Map<string, { windowStart: number; count: number }>;
}

const PROCESS_STATE = Symbol.for('stepstream.process-state');

/** The process's state, made on first use. */
export function processState(): ProcessState {
  const holder = globalThis as typeof globalThis & { [PROCESS_STATE]?: ProcessState };
  holder[PROCESS_STATE] ??= {
    startedAt: Date.now(),
    draining: false,
    open: new Map(),
    perClient: new Map(),
    nextId: 1,
    stepStreams: new Map(),
    rejoinable: new Map(),
    roomHub: null,
    roomRuns: new Map(),
    roomFollowers: new Map(),
    roomPresenceTimer: null,
    joinAttempts: new Map(),
    roomStreams: new Set(),
  };
  return holder[PROCESS_STATE];
}
