import 'server-only';
import { LONG_QUERY_ERROR, MAX_QUERY_CHARS } from '@/lib/http/responses';
import { answersNoContent, type ResumePoint } from '@/lib/contract/event-id';
import type { StreamParams } from '@/lib/contract/params';
import { parseStreamQuery } from '@/lib/contract/query';
import { SSE_HEADERS } from '@/lib/sse/headers';
import type { FrameSink, RunningEventStream } from './event-stream';
import { currentLimits } from './limits';
import type { RejoinableStream } from './process-state';
import { admitStream } from './registry';
import { startStream } from './start-stream';
import { findRejoinableStream } from './step-rejoin';

/** A request for a stream the server will not serve: sent as `{error, field}` JSON with this status. */
export interface StreamRefusal {
  ok: false;
  status: number;
  error: string;
  field: string | null;
  headers: Record<string, string>;
}

/** A reconnect after the last frame of an `end=204` stream: answered `204 No Content`, no body, and nothing started. */
export interface NoContent {
  ok: true;
  status: 204;
}

/**
 * A 204's headers: the stream's, less `Content-Type`, since there is no body. `Cache-Control:
 * no-cache` stays, so no cache answers the next reconnect with a stored 204.
 */
export const { 'Content-Type': _bodyType, ...NO_CONTENT_HEADERS } = SSE_HEADERS;

/** An admitted stream, holding its place under the caps. Start it at once; it frees its place when it ends. */
export interface AdmittedStream {
  ok: true;
  status: 200;
  /** Starts the generator, writing frames to `sink`; `signal` aborts when the client disconnects. */
  start(sink: FrameSink, signal?: AbortSignal): RunningEventStream;
}

/** A stream request, read and checked, with nothing started: what `HEAD` answers from. */
export type StreamRequest =
  | StreamRefusal
  | (NoContent & { held?: RejoinableStream })
  | { ok: true; status: 200; params: StreamParams; resume?: ResumePoint; held?: RejoinableStream };

/**
 * `GET /api/stream?n=3&delay=1000&template=Message%20{i}&mode=step…`, decided: the query and the
 * `Last-Event-ID` header read and checked, then a 204 for a finished stream's reconnect, a held
 * step-mode stream rejoined, or a new stream admitted under the caps (timed, or held for the
 * presenter) and ready to start. Both servers of this endpoint go through here: the Next.js route
 * handler (a web `ReadableStream`) and `server.mjs`'s direct one (a Node response).
 */
export function openStream(url: URL, client: string, lastEventId: string | null = null): StreamRefusal | NoContent | AdmittedStream {
  const request = readStreamRequest(url, lastEventId);
  if (!request.ok) return request;
  if (request.status === 204) {
    request.held?.end(); // its client has every frame and is told to stop: nothing is left to hold
    return { ok: true, status: 204 };
  }
  const { params, resume, held } = request;
  // A rejoin takes no new place: the held stream kept its own.
  if (held) return { ok: true, status: 200, start: (sink, signal) => held.connect(sink, signal, resume?.lastIndex) };

  const limits = currentLimits();
  const admission = admitStream(client, limits);
  if (!admission.ok) return refusal(admission.status, admission.error, null, { 'Retry-After': String(admission.retryAfterSeconds) });
  const { slot } = admission;
  const base = { lifetimeMs: limits.lifetimeMs, onStart: slot.attach, onFinish: slot.release };
  return { ok: true, status: 200, start: (sink, signal) => startStream(params, resume?.lastIndex, sink, signal, base) };
}

/**
 * A stream request, checked, with nothing started or changed: its parameters and where it
 * resumes, or the refusal a bad one gets. This is all a `HEAD /api/stream` does: it answers as the
 * `GET` would (caps aside), without starting a stream.
 */
export function readStreamRequest(url: URL, lastEventId: string | null = null): StreamRequest {
  if (url.search.length > MAX_QUERY_CHARS) return refusal(414, LONG_QUERY_ERROR, 'query');
  const query = parseStreamQuery(url.searchParams, lastEventId);
  if (!query.ok) return refusal(400, query.error, query.field);
  const { params, resume } = query;
  const held = resume?.streamId === undefined ? undefined : findRejoinableStream(resume.streamId);
  if (answersNoContent(params, resume)) return { ok: true, status: 204, held };
  if (resume?.streamId === undefined) return { ok: true, status: 200, params, resume };
  // The last frame of a stream no longer held: it ended, and the client has everything it sent.
  if (!held && resume.lastIndex === params.n - 1) return { ok: true, status: 204 };
  if (!held) return refusal(400, `${resume.field} names no running step-mode stream (it may have ended).`, resume.field);
  if (resume.lastIndex >= held.sent()) return refusal(400, `${resume.field} names a frame this stream has not sent yet.`, resume.field);
  return { ok: true, status: 200, params, resume, held };
}

const refusal = (status: number, error: string, field: string | null, headers: Record<string, string> = {}): StreamRefusal => ({
  ok: false,
  status,
  error,
  field,
  headers,
});
