import { encodeEvent } from '@/lib/sse/encode';
import type { EventStreamBodyOptions } from './event-stream';
import { createStepPacer, type StepPacer } from './pacer';
import { STREAM_ID_EVENT } from './protocol';

const REGISTRY_KEY = Symbol.for('stepstream.step-streams');
type Registry = Map<string, StepPacer>;

/**
 * The running step-mode streams, by id. Kept on `globalThis` because Next.js may load this module
 * once per route bundle, and the stream route and the advance route must see the same map.
 */
function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  holder[REGISTRY_KEY] ??= new Map();
  return holder[REGISTRY_KEY];
}

/**
 * Makes a stream wait for the presenter at every sleep (and before the first yield): these options
 * on top of `options`. Its id (a random UUID, 122 bits) goes to its own client in the first event;
 * the stream leaves the registry the moment it ends, however it ends.
 */
export function withStepMode(options: EventStreamBodyOptions & { idleMs?: number } = {}): EventStreamBodyOptions {
  const id = crypto.randomUUID();
  const pacer = createStepPacer(options.idleMs);
  registry().set(id, pacer);
  return {
    ...options,
    pacer,
    prelude: [encodeEvent({ event: STREAM_ID_EVENT, data: id })],
    sleepBeforeFirstYield: true,
    onFinish: () => {
      registry().delete(id);
      options.onFinish?.();
    },
  };
}

/** Lets the stream `id` yield its next frame. False when no such stream is running. */
export function advanceStepStream(id: string): boolean {
  const pacer = registry().get(id);
  pacer?.advance();
  return pacer !== undefined;
}

/** How many step-mode streams are running. */
export const activeStepStreams = () => registry().size;
