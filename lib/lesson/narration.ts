import { isPredictMode, isStepMode, type StreamParams } from '@/lib/contract/params';
import { formatSeconds, pythonStringLiteral } from '@/lib/trace/format';
import { CLOSED_ON_END_ACTION } from '@/lib/trace/reduce';
import type { ConnectionStatus, ExecutionRow, Trace } from '@/lib/trace/types';

/**
 * What the panels are showing: `prediction` (no run yet: the model's table), `live` (the run at
 * its latest row, running or finished) or `replay` (an earlier row of a recorded run).
 */
export type LessonView = 'prediction' | 'live' | 'replay';

/**
 * Who is watching: `self` ran the stream from this page; in a classroom the `presenter` commands
 * the room's server and a `student` follows it, so "press Step" and "the browser requests" would
 * be untrue for them.
 */
export type LessonAudience = 'self' | 'presenter' | 'student';

export interface NarrationInput {
  /** Who is watching (default `self`). */
  audience?: LessonAudience;
  view: LessonView;
  /** The trace at the cursor: its last row is the step being narrated. */
  trace: Trace;
  /** Rows in the whole trace, for "step 3 of 5". */
  total: number;
  /** The live connection (only read in the `live` view). */
  status: ConnectionStatus;
}

/** What just happened, in two parts: the event itself, and what it means for the connection. */
export interface Narration {
  headline: string;
  detail: string;
}

type Tense = 'now' | 'then';

/** What the sleep after a yield does (or did) to the connection. */
function sleepDetail(row: ExecutionRow, params: StreamParams, tense: Tense, audience: LessonAudience): string {
  if (row.sleepSeconds === null) {
    if (tense === 'then') return 'then the server waited for the presenter';
    return audience === 'student' ? 'the server waits for the presenter’s Step' : 'the server waits for you: press Step';
  }
  if (isPredictMode(params) && row.kind === 'yield') {
    const sleep = row.sleepSeconds === 0 ? 'no sleep' : `time.sleep(${formatSeconds(params.delayMs)})`;
    return tense === 'now'
      ? `${sleep}, then the server holds the next frame until you Reveal`
      : `${sleep}, then the server held the next frame for a prediction`;
  }
  if (row.sleepSeconds === 0) return 'no sleep: straight on to the next step';
  const sleep = `time.sleep(${formatSeconds(params.delayMs)})`;
  return tense === 'now' ? `${sleep} keeps the connection open` : `then ${sleep} kept the connection open`;
}

/** One row of the Execution Table, told as what the generator did: `[headline, detail]`. */
export function describeRow(row: ExecutionRow, params: StreamParams, tense: Tense, audience: LessonAudience = 'self'): Narration {
  const now = tense === 'now';
  const inRoom = audience !== 'self';
  switch (row.kind) {
    case 'start':
      return {
        headline: now ? 'the generator starts' : 'the generator started',
        detail: isPredictMode(params)
          ? now
            ? 'the connection is open; the server holds the first frame until you Reveal'
            : 'the connection opened; the server held the first frame for a prediction'
          : isStepMode(params)
            ? now
              ? `the connection is open; the server waits for ${audience === 'student' ? 'the presenter’s' : 'your'} Step before the first yield`
              : 'the connection opened; the server waited for the presenter before the first yield'
            : now
              ? 'the connection is open'
              : 'the connection opened',
      };
    case 'yield': {
      const named = /^event: (.*)$/m.exec(row.frame ?? '')?.[1];
      if (named !== undefined) {
        return {
          headline: `yield sent ${pythonStringLiteral(row.dataSent ?? '')} as the event '${named}'`,
          detail: `a named event: onmessage never sees it, addEventListener('${named}') does`,
        };
      }
      return {
        headline: `yield sent ${pythonStringLiteral(row.dataSent ?? '')} (i = ${row.i})`,
        detail: sleepDetail(row, params, tense, audience),
      };
    }
    case 'end':
      return {
        headline: now ? 'the generator ends' : 'the generator ended',
        detail: now
          ? `range(${params.n}) is exhausted, so the server closes the connection`
          : `range(${params.n}) was exhausted, so the server closed the connection`,
      };
    case 'stopped':
      return {
        headline: now ? (audience === 'student' ? 'the presenter pressed Stop' : 'you pressed Stop') : 'Stop was pressed',
        detail: inRoom ? 'the room’s server stopped the generator' : 'the client disconnected, so the server stopped the generator',
      };
    case 'error':
      return { headline: 'the stream failed', detail: row.action.replace(/^Error: /, '') };
    case 'reconnect':
      return { headline: now ? 'the connection closes' : 'the connection closed', detail: lowerFirst(row.action) };
    case 'reopen':
      return { headline: now ? 'a new connection opens' : 'a new connection opened', detail: row.action.replace(/^.*?; /, '') };
    case 'no-content':
      return {
        headline: now ? 'the server answers 204 No Content' : 'the server answered 204 No Content',
        detail: 'EventSource stops reconnecting',
      };
    case 'closed':
      return {
        headline: now ? 'the page closes its EventSource' : 'the page closed its EventSource',
        detail:
          row.action === CLOSED_ON_END_ACTION
            ? "it called source.close() on the server's event: end, so the browser does not reconnect"
            : 'it called source.close() after the last message, so the browser does not reconnect',
      };
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The line over the stage that says what just happened: the code note made prominent.
 * It never claims more than the view holds: a prediction is called one, a replay is called one,
 * and only the live view speaks of the connection in the present tense.
 */
export function narrate({ view, trace, total, status, audience = 'self' }: NarrationInput): Narration {
  const row = trace.rows.at(-1);
  const params = trace.params;
  if (view === 'prediction') {
    if (!row || trace.rows.length >= total) {
      if (audience === 'student')
        return {
          headline: 'Waiting for the presenter',
          detail: 'when they press Run, the room’s server starts the generator and this page follows it',
        };
      if (audience === 'presenter')
        return {
          headline: 'Press Run for the room',
          detail: 'the room’s server starts the generator, and every student’s page follows it',
        };
      return {
        headline: 'Press Run',
        detail: isPredictMode(params)
          ? 'the browser requests GET /api/stream; before each frame the generator is held while you predict it'
          : isStepMode(params)
            ? 'the browser requests GET /api/stream, and the generator waits for your Step at every sleep'
            : 'the browser requests GET /api/stream and the server starts the generator',
      };
    }
    const { headline, detail } = describeRow(row, params, 'then', audience);
    return { headline: `Not run yet — predicted step ${row.step} of ${total}: ${headline}`, detail };
  }
  if (view === 'replay') {
    if (!row) return { headline: 'Replay', detail: 'nothing recorded yet' };
    const { headline, detail } = describeRow(row, params, 'then', audience);
    return { headline: `Replay, step ${row.step} of ${total}: ${headline}`, detail };
  }
  // Connecting: the first request, or (after a reconnect row) the next one, still unanswered.
  if (!row || (status === 'connecting' && row.kind !== 'reconnect'))
    return { headline: 'Request sent', detail: 'waiting for the server to answer…' };
  const { headline, detail } = describeRow(row, params, 'now', audience);
  return { headline: `Step ${row.step}: ${headline}`, detail };
}

/** The narration as one sentence, for a screen reader. */
export function narrationText({ headline, detail }: Narration): string {
  return `${headline}; ${detail.replace(/…$/, '')}.`;
}
