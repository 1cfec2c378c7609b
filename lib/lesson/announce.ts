import { pythonStringLiteral } from '@/lib/trace/format';
import type { ConnectionStatus } from '@/lib/trace/types';

/**
 * What a screen reader is told about the live run, worked out from two moments: the last one
 * announced and now. Pure, so the throttle (in the view) can skip moments and still say what
 * changed in between: latest wins, with a count of what it skipped.
 */
export interface AnnounceMoment {
  /** Which run this is: a new Run starts again from nothing. */
  run: number;
  status: ConnectionStatus;
  /** Frames received so far in this run. */
  frames: number;
  /** The data of the latest frame, if any. */
  lastData: string | null;
  /** How the run ended, once it has: the last row's kind. */
  ending: AnnouncedEnding | null;
  /** In a replay, the narration of the step on show; null at the live end. */
  replay: string | null;
}

/** The last row's kind, for the kinds that end a run. */
export type AnnouncedEnding = 'end' | 'stopped' | 'error' | 'no-content' | 'closed';

export const QUIET_MOMENT: AnnounceMoment = { run: 0, status: 'idle', frames: 0, lastData: null, ending: null, replay: null };

function framesSentence(count: number, lastData: string | null, more: boolean): string {
  const data = pythonStringLiteral(lastData ?? '');
  return count === 1 ? `${data} arrived.` : `${count} ${more ? 'more ' : ''}frames arrived; the latest is ${data}.`;
}

function statusSentence(next: AnnounceMoment): string | null {
  switch (next.status) {
    case 'connecting':
      return 'Connecting to the stream.';
    case 'open':
      return 'Connection open.';
    case 'closed': {
      const after = `after ${next.frames} frame${next.frames === 1 ? '' : 's'}`;
      switch (next.ending) {
        case 'stopped':
          return `Stopped: the connection is closed ${after}.`;
        case 'no-content':
          return `The server answered 204 No Content ${after}: EventSource stopped reconnecting.`;
        case 'closed':
          return `The page closed its EventSource ${after}: it will not reconnect.`;
        default:
          return `Connection closed: the generator ended ${after}.`;
      }
    }
    case 'idle':
    case 'error':
      // An error is an alert of its own, said at once; idle follows Reset, which the person did.
      return null;
  }
}

/**
 * The sentence to announce when the run has gone from `previous` to `next`, or null when there
 * is nothing new. Frames are counted against the same run only; a new run starts a new count.
 */
export function announcement(previous: AnnounceMoment, next: AnnounceMoment): string | null {
  const parts: string[] = [];
  if (next.replay !== null) return next.replay === previous.replay ? null : next.replay;
  const sameRun = previous.run === next.run;
  const newFrames = next.frames - (sameRun ? previous.frames : 0);
  const statusChanged = !sameRun ? next.status !== 'idle' : next.status !== previous.status;
  const wasOpen = sameRun && (previous.status === 'open' || previous.status === 'closed');
  // The connection opened if it is open or closed now and was not before (a throttle can skip
  // the open moment). Say that first, then the frames, then the close: the order it happened in.
  if (!wasOpen && (next.status === 'open' || next.status === 'closed')) parts.push('Connection open.');
  else if (statusChanged && next.status === 'connecting') parts.push(statusSentence(next)!);
  if (newFrames > 0) parts.push(framesSentence(newFrames, next.lastData, sameRun && previous.frames > 0));
  if (statusChanged && next.status === 'closed') parts.push(statusSentence(next)!);
  if (previous.replay !== null && next.replay === null && parts.length === 0) parts.push('Back at the latest step.');
  return parts.length > 0 ? parts.join(' ') : null;
}
