import 'server-only';
import type { StepPacer } from './pacer';

/*
 * PROCESS-WIDE STATE. Everything this server keeps for the life of the process, and nothing
 * else anywhere, lives in the one object below: the open streams under the caps, and the
 * step-mode streams waiting for their presenter.
 *
 * It hangs off `globalThis` under one symbol because Next.js may load this module once per
 * route bundle (the stream route, the advance route, instrumentation), and all of them must
 * see the same streams. Nothing is created by importing this module: the object is made on
 * first use.
 */

/** Ends a stream early: sends `finalFrame`, then closes it. */
export type StopStream = (finalFrame: string) => void;

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
  };
  return holder[PROCESS_STATE];
}
