import 'server-only';
import { encodeEvent } from '@/lib/sse/encode';
import type { EventStreamBodyOptions } from './event-stream';
import { createPredictPacer, createStepPacer } from './pacer';
import { processState } from './process-state';
import { STREAM_ID_EVENT } from '@/lib/contract/protocol';

/** A stream made to wait for its presenter: its id, the event that tells its client the id, and the options that hold it. */
export interface StepModeStream {
  /** A random UUID (122 bits): knowing it is what lets a client Step, or rejoin, this stream. */
  id: string;
  /** `event: stepstream-id`, the first thing every connection to the stream receives. */
  idFrame: string;
  options: EventStreamBodyOptions;
}

/**
 * Makes a stream wait for the presenter at every sleep (and before the first frame): these options
 * on top of `options`. The stream leaves the process's list the moment it ends, however it ends.
 */
export function withStepMode(
  options: EventStreamBodyOptions = {},
  { idleMs, sleepFirst = false }: { idleMs?: number; sleepFirst?: boolean } = {},
): StepModeStream {
  const id = crypto.randomUUID();
  // Predict mode sleeps as the seed does, then holds; step mode holds instead of sleeping.
  const pacer = sleepFirst ? createPredictPacer(idleMs) : createStepPacer(idleMs);
  processState().stepStreams.set(id, pacer);
  return {
    id,
    idFrame: encodeEvent({ event: STREAM_ID_EVENT, data: id }),
    options: {
      ...options,
      pacer,
      sleepBeforeFirstYield: true,
      onFinish: () => {
        processState().stepStreams.delete(id);
        options.onFinish?.();
      },
    },
  };
}

/** Lets the stream `id` yield its next frame. False when no such stream is running. */
export function advanceStepStream(id: string): boolean {
  const pacer = processState().stepStreams.get(id);
  pacer?.advance();
  return pacer !== undefined;
}

/** How many step-mode streams are running. */
export const activeStepStreams = () => processState().stepStreams.size;
