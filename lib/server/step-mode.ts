import 'server-only';
import { encodeEvent } from '@/lib/sse/encode';
import type { EventStreamBodyOptions } from './event-stream';
import { createStepPacer } from './pacer';
import { processState } from './process-state';
import { STREAM_ID_EVENT } from '@/lib/contract/protocol';

/**
 * Makes a stream wait for the presenter at every sleep (and before the first yield): these options
 * on top of `options`. Its id (a random UUID, 122 bits) goes to its own client in the first event;
 * the stream leaves the process's list the moment it ends, however it ends.
 */
export function withStepMode(options: EventStreamBodyOptions & { idleMs?: number } = {}): EventStreamBodyOptions {
  const id = crypto.randomUUID();
  const pacer = createStepPacer(options.idleMs);
  processState().stepStreams.set(id, pacer);
  return {
    ...options,
    pacer,
    prelude: [encodeEvent({ event: STREAM_ID_EVENT, data: id })],
    sleepBeforeFirstYield: true,
    onFinish: () => {
      processState().stepStreams.delete(id);
      options.onFinish?.();
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
