import { LAST_EVENT_ID_PARAM } from './protocol';
import { BUFFER_MIN, DEFAULT_PARAMS, type StreamParams } from './params';

/*
 * Writing a stream's query lives apart from reading one (`query.ts`): the page needs only this
 * half on its first load; reading, with the rules' messages, comes with the server and share links.
 */

/**
 * The query string that asks the route for these parameters; defaults are left out. `lastEventId`
 * resumes after that event (a fetch client's way; an `EventSource` sends the header itself).
 */
export function toStreamQuery(params: StreamParams, lastEventId?: string): URLSearchParams {
  const query = new URLSearchParams();
  if (params.n !== DEFAULT_PARAMS.n) query.set('n', String(params.n));
  if (params.delayMs !== DEFAULT_PARAMS.delayMs) query.set('delay', String(params.delayMs));
  if (params.template !== DEFAULT_PARAMS.template) query.set('template', params.template);
  if (params.mode !== undefined && params.mode !== 'timed') query.set('mode', params.mode);
  if (params.ids) query.set('ids', '1');
  if (params.retryMs !== undefined) query.set('retry', String(params.retryMs));
  if (params.end !== undefined && params.end !== 'close') query.set('end', params.end);
  if (params.dropAfter !== undefined) query.set('dropAfter', String(params.dropAfter));
  if (params.buffer !== undefined && params.buffer !== BUFFER_MIN) query.set('buffer', String(params.buffer));
  if (lastEventId !== undefined) query.set(LAST_EVENT_ID_PARAM, lastEventId);
  return query;
}

/** The address a client opens for these parameters: `/api/stream?…`. */
export function streamAddress(params: StreamParams, base = '/api/stream'): string {
  const query = toStreamQuery(params).toString();
  return query ? `${base}?${query}` : base;
}
