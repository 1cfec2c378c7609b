import { DEFAULT_PARAMS, type StreamParams } from '@/lib/contract/params';
import { parseStreamQuery } from '@/lib/contract/query';
import { toStreamQuery } from '@/lib/contract/stream-query';
import type { Cursor } from '@/lib/trace/cursor';
import { expectedTrace } from '@/lib/trace/expected';
import type { Transport } from '@/lib/contract/transport';

/** What a share link holds: `/?n=5&delay=500&template=…&mode=step&step=3&present=1&quiz=42&client=eventsource&close=last`. */
export interface SharedState {
  params: StreamParams;
  cursor: Cursor;
  presenting: boolean;
  transport: Transport;
  /** `close=last`: with EventSource, the page closes it after the last message. */
  closeAfterLast: boolean;
  /** `classic` (the lesson's questions) or a generated quiz's seed. */
  quiz: 'classic' | number;
}

export const DEFAULT_SHARED_STATE: SharedState = {
  params: { ...DEFAULT_PARAMS },
  cursor: null,
  presenting: false,
  transport: 'fetch',
  closeAfterLast: false,
  quiz: 'classic',
};

/** The stream's parameters a share link can carry (a resume point is not one: it belongs to a request). */
const LINK_FIELDS = ['n', 'delay', 'template', 'mode', 'ids', 'retry', 'end', 'dropAfter', 'buffer'] as const;
type LinkField = (typeof LINK_FIELDS)[number];

/** What an invalid value falls back to, in words. */
const DEFAULT_WORDS: Record<LinkField, string> = {
  n: `it is ${DEFAULT_PARAMS.n}`,
  delay: `it is ${DEFAULT_PARAMS.delayMs} ms`,
  template: `it is “${DEFAULT_PARAMS.template}”`,
  mode: 'it is timed',
  ids: 'frames carry no ids',
  retry: 'the browser keeps its own retry delay',
  end: 'the stream just ends',
  dropAfter: 'nothing cuts the connection',
  buffer: 'frames are not buffered',
};

/**
 * Reads a share link. Every value that is invalid falls back to its default, with a notice saying
 * which and why; a link never fails to open.
 */
export function readShareUrl(search: string): { state: SharedState; notices: string[] } {
  const query = new URLSearchParams(search);
  const notices: string[] = [];
  let params: StreamParams = { ...DEFAULT_PARAMS };
  for (const field of LINK_FIELDS) {
    const value = query.get(field);
    if (value === null) continue;
    // Each value checked by the API's own rules, against the range read so far (a cut names one of its frames).
    const parsed = parseStreamQuery(new URLSearchParams([...toStreamQuery(params), [field, value]]));
    if (!parsed.ok) {
      notices.push(`The link’s ${field} is not valid (${parsed.error}), so ${DEFAULT_WORDS[field]}.`);
      continue;
    }
    params = parsed.params;
  }

  const { cursor, notice } = readStep(query.get('step'), params);
  if (notice) notices.push(notice);

  let quiz: SharedState['quiz'] = 'classic';
  const rawQuiz = query.get('quiz');
  if (rawQuiz !== null && rawQuiz !== 'classic') {
    if (/^\d{1,10}$/.test(rawQuiz) && Number(rawQuiz) <= 0xffffffff) quiz = Number(rawQuiz);
    else notices.push(`The link’s quiz is not a quiz number, so here are the lesson’s own questions.`);
  }

  let transport: Transport = 'fetch';
  const client = query.get('client');
  if (client === 'eventsource') transport = 'eventsource';
  else if (client !== null && client !== 'fetch') notices.push('The link’s client is not fetch or eventsource, so it reads with fetch.');

  const close = query.get('close');
  if (close !== null && close !== 'last') notices.push('The link’s close is not last, so the page leaves its EventSource open.');

  return {
    state: { params, cursor, presenting: query.get('present') === '1', transport, closeAfterLast: close === 'last', quiz },
    notices,
  };
}

/**
 * A link's step, clamped to the steps these parameters have (the model's table: start, n yields,
 * end), with a notice whenever the link asked for something else. The address bar then shows
 * the step actually on show.
 */
function readStep(step: string | null, params: StreamParams): { cursor: Cursor; notice?: string } {
  if (step === null) return { cursor: null };
  if (!/^-?\d{1,6}$/.test(step)) return { cursor: null, notice: 'The link’s step is not a step number, so it shows the whole table.' };
  const asked = Number(step);
  const last = expectedTrace(params).rows.length;
  if (asked < 1) return { cursor: 1, notice: `The link’s step ${asked} is before the first step, so it shows step 1.` };
  if (asked > last)
    return { cursor: last, notice: `The link’s step ${asked} is past the last step of this run (${last}), so it shows step ${last}.` };
  return { cursor: asked };
}

/** The query string for a state; defaults are left out, so the seed's lesson is plain `/`. */
export function writeShareUrl(state: SharedState): string {
  const query = toStreamQuery(state.params);
  if (state.cursor !== null) query.set('step', String(state.cursor));
  if (state.presenting) query.set('present', '1');
  if (state.transport === 'eventsource') query.set('client', 'eventsource');
  if (state.closeAfterLast) query.set('close', 'last');
  if (state.quiz !== 'classic') query.set('quiz', String(state.quiz));
  const text = query.toString();
  return text ? `?${text}` : '';
}
