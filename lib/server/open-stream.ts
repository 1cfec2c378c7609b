import 'server-only';
import { LONG_QUERY_ERROR, MAX_QUERY_CHARS } from '@/lib/http/responses';
import { startEventStream, type FrameSink, type RunningEventStream } from './event-stream';
import { currentLimits } from './limits';
import { isStepMode, type StreamParams } from '@/lib/contract/params';
import { parseStreamQuery } from '@/lib/contract/query';
import { admitStream } from './registry';
import { withStepMode } from './step-mode';

/** A request for a stream the server will not serve: sent as `{error, field}` JSON with this status. */
export interface StreamRefusal {
  ok: false;
  status: number;
  error: string;
  field: string | null;
  headers: Record<string, string>;
}

/** An admitted stream, holding its place under the caps. Start it at once; it frees its place when it ends. */
export interface AdmittedStream {
  ok: true;
  /** Starts the generator, writing frames to `sink`; `signal` aborts when the client disconnects. */
  start(sink: FrameSink, signal?: AbortSignal): RunningEventStream;
}

/**
 * `GET /api/stream?n=3&delay=1000&template=Message%20{i}&mode=step`, decided: the query read and
 * checked, the client admitted under the caps, and the stream (timed, or held for the presenter
 * in step mode) ready to start. Both servers of this endpoint go through here: the Next.js route
 * handler (a web `ReadableStream`) and `server.mjs`'s direct one (a Node response).
 */
export function openStream(url: URL, client: string): StreamRefusal | AdmittedStream {
  const query = readStreamQuery(url);
  if (!query.ok) return query;

  const limits = currentLimits();
  const admission = admitStream(client, limits);
  if (!admission.ok) return refusal(admission.status, admission.error, null, { 'Retry-After': String(admission.retryAfterSeconds) });

  const { params } = query;
  const { slot } = admission;
  return {
    ok: true,
    start(sink, signal) {
      const options = { signal, lifetimeMs: limits.lifetimeMs, onStart: slot.attach, onFinish: slot.release };
      return startEventStream(params, sink, isStepMode(params) ? withStepMode(options) : options);
    },
  };
}

/**
 * The query of a stream request, checked: its parameters, or the refusal a bad one gets. This is
 * all a `HEAD /api/stream` does: it answers as the `GET` would, without starting a stream.
 */
export function readStreamQuery(url: URL): StreamRefusal | { ok: true; params: StreamParams } {
  if (url.search.length > MAX_QUERY_CHARS) return refusal(414, LONG_QUERY_ERROR, 'query');
  const query = parseStreamQuery(url.searchParams);
  return query.ok ? query : refusal(400, query.error, query.field);
}

const refusal = (status: number, error: string, field: string | null, headers: Record<string, string> = {}): StreamRefusal => ({
  ok: false,
  status,
  error,
  field,
  headers,
});
