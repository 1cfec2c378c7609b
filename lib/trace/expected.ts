import { renderTemplate, type StreamParams } from '@/lib/contract/params';
import { emptyTrace, reduceEvents } from './reduce';
import type { StreamEvent, Trace } from './types';

/**
 * The events the seed's generator produces for these parameters, at their scheduled times:
 * open at 0, frame i at i × delay, the end one delay after the last frame.
 */
export function expectedEvents(params: StreamParams): StreamEvent[] {
  const frames = Array.from({ length: params.n }, (_, i): StreamEvent => ({
    type: 'frame',
    atMs: i * params.delayMs,
    data: renderTemplate(params.template, i),
  }));
  return [{ type: 'open', atMs: 0 }, ...frames, { type: 'end', atMs: params.n * params.delayMs, reason: 'complete' }];
}

/** The Execution Table the lesson predicts: the seed's table for the seed's parameters. */
export function expectedTrace(params: StreamParams): Trace {
  return reduceEvents(emptyTrace(params, 'expected'), expectedEvents(params));
}
