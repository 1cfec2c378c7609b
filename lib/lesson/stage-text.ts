import { isPredictMode, isStepMode, type StreamParams } from '@/lib/contract/params';
import { formatSeconds } from '@/lib/trace/format';
import type { ExecutionRow } from '@/lib/trace/types';
import type { ConnectionStatus } from '@/lib/trace/types';
import type { LessonView } from './narration';

/** "Step 3 of 5", or for the model's table "Predicted step 3 of 5" ("Predicted: 5 steps" for all of it). */
export function timelineLabel(view: LessonView, pointed: boolean, shown: number, total: number): string {
  if (view !== 'prediction') return `Step ${shown} of ${total}`;
  return pointed ? `Predicted step ${shown} of ${total}` : `Predicted: ${total} steps`;
}

export interface WireCaptionInput {
  view: LessonView;
  /** The connection as the panels show it (selectStatusOnShow). */
  status: ConnectionStatus;
  params: StreamParams;
  /** The row on show. */
  row: ExecutionRow | undefined;
  /** Whether the row on show is the last frame the run will send. */
  lastFrame: boolean;
  /** What is left of a live sleep, in milliseconds; null when nothing counts down. */
  sleepLeftMs: number | null;
}

/**
 * The line under the wire: what the connection is doing right now. Only the live run counts a
 * sleep down or speaks of a request on its way; a prediction has nothing connected.
 */
export function wireCaption({ view, status, params, row, lastFrame, sleepLeftMs }: WireCaptionInput): string {
  if (view === 'prediction') return 'nothing connected yet';
  if (status === 'connecting' && row?.kind === 'reconnect') {
    return `EventSource waits${row.sleepSeconds ? ` ${row.sleepSeconds} s` : ' its retry delay'}, then asks again`;
  }
  if (status === 'connecting') return 'GET /api/stream: the request is on its way';
  const between = status === 'open' && (row?.kind === 'yield' || row?.kind === 'start');
  if (between && isPredictMode(params)) {
    const next = lastFrame ? 'the end' : 'the next frame';
    if (view !== 'live') return 'the server held the next step for a prediction';
    if (row?.kind === 'yield' && sleepLeftMs !== null && sleepLeftMs > 0)
      return `time.sleep(${formatSeconds(params.delayMs)}): ${(sleepLeftMs / 1000).toFixed(1)} s, then the server holds ${next} until you Reveal`;
    return `the server holds ${next} until you Reveal`;
  }
  const held = between && isStepMode(params);
  if (held)
    return view === 'live'
      ? `the server holds ${lastFrame ? 'the end' : 'the next frame'} until Step`
      : 'the server held the next step for the presenter';
  if (view === 'live' && sleepLeftMs !== null) {
    return `time.sleep(${formatSeconds(params.delayMs)}): ${lastFrame ? 'generator ends' : 'next yield'} in ${(sleepLeftMs / 1000).toFixed(1)} s`;
  }
  if (view === 'replay' && status === 'open') return 'open at this step of the recording';
  if (status === 'closed' && row?.kind === 'end') return 'the generator ended, so the response ended';
  if (status === 'closed' && row?.kind === 'stopped') return 'the client hung up; the generator stopped';
  if (status === 'closed' && row?.kind === 'no-content') return 'the server answered 204, so EventSource stopped for good';
  if (status === 'closed' && row?.kind === 'closed') return 'the page closed its EventSource, so nothing reconnects';
  if (status === 'error') return 'the stream failed';
  return '\u00a0';
}
