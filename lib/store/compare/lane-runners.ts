import { laneUrl, type Lane } from '@/lib/compare/lanes';
import type { Schedule, ScheduledMessage } from '@/lib/compare/schedule';
import { REQUEST_BYTES_HEADER, responseHeadBytes } from '@/lib/compare/wire-size';
import { readRefusal } from '@/lib/http/read-refusal';
import { readSse } from '@/lib/sse/read';
import type { ResourceSizes } from './resource-sizes';

/** What a lane runs with: the network, the page's clock and the run's signal. */
export interface LaneIo {
  fetchImpl: typeof fetch;
  /** The page's clock, ms since 1970. */
  now: () => number;
  /** Resolves at `pageTime` on the page's clock, or at once when the run is stopped. */
  waitUntil: (pageTime: number) => Promise<void>;
  sizes: ResourceSizes;
  signal: AbortSignal;
}

/** What a lane tells the store, as it happens. */
export interface LaneReport {
  /** A request is about to leave. */
  sent(): void;
  /** Bytes counted (or corrected, when negative). */
  bytes(headerBytes: number, bodyBytes: number): void;
  /** An answer's size is being measured (+1), or has been (−1). */
  measuring(delta: 1 | -1, protocol?: string): void;
  /** A request was stopped before its answer arrived: its bytes cannot be counted. */
  uncounted(): void;
  messages(messages: readonly ScheduledMessage[]): void;
}

/** A lane's failure a person can read: the server's `{error}`, or what went wrong. */
export class LaneFailure extends Error {}

const refusal = async (response: Response) => new LaneFailure((await readRefusal(response)).error);

/**
 * Counts an answer: its request's head (from the server's `Request-Bytes`), its own head (from its
 * headers) and its body (Resource Timing's `encodedBodySize`, or the bytes read if no entry comes).
 * `counted` is what was already added while it streamed, so only the difference is added now.
 */
function countAnswer(response: Response, url: string, bodyRead: number, io: LaneIo, report: LaneReport, counted = { head: 0, body: 0 }) {
  const head =
    Number(response.headers.get(REQUEST_BYTES_HEADER) ?? 0) + responseHeadBytes(response.status, response.statusText, response.headers);
  report.measuring(1);
  void io.sizes.take(url).then((size) => {
    report.bytes(head - counted.head, (size?.encodedBodySize ?? bodyRead) - counted.body);
    report.measuring(-1, size?.protocol);
  });
}

const utf8 = new TextEncoder();

/** One poll: sends it, counts it, reports its messages; returns the last message the lane now has. */
async function poll(url: string, after: number, io: LaneIo, report: LaneReport): Promise<number> {
  report.sent();
  let response: Response;
  let text: string;
  try {
    response = await io.fetchImpl(url, { signal: io.signal });
    if (!response.ok) throw await refusal(response);
    text = await response.text();
  } catch (error) {
    if (io.signal.aborted) report.uncounted();
    throw error;
  }
  countAnswer(response, url, utf8.encode(text).length, io, report);
  const { messages } = JSON.parse(text) as { messages: ScheduledMessage[] };
  report.messages(messages);
  return Math.max(after, ...messages.map((message) => message.i));
}

/** Short polling: asks every `everyMs` from the lane's start (a late answer delays only the next tick), until it has every message. */
export async function runShortPoll(lane: Lane, schedule: Schedule, io: LaneIo, report: LaneReport): Promise<void> {
  const everyMs = lane.everyMs ?? 1000;
  const startedAt = io.now();
  let after = -1;
  for (let tick = 0; after < schedule.n - 1; tick++) {
    await io.waitUntil(startedAt + tick * everyMs);
    if (io.signal.aborted) return;
    after = await poll(laneUrl(lane, schedule, after), after, io, report);
  }
}

/** Long polling: asks again as soon as each answer arrives, until it has every message. */
export async function runLongPoll(lane: Lane, schedule: Schedule, io: LaneIo, report: LaneReport): Promise<void> {
  let after = -1;
  while (after < schedule.n - 1 && !io.signal.aborted) after = await poll(laneUrl(lane, schedule, after), after, io, report);
}

/**
 * SSE: one request, read as it streams (fetch and the one reader, `readSse`, as the lesson reads
 * `/api/stream`: `EventSource` would hide the headers this page counts). Bytes count as they arrive.
 */
export async function runSse(lane: Lane, schedule: Schedule, io: LaneIo, report: LaneReport): Promise<void> {
  const url = laneUrl(lane, schedule, -1);
  report.sent();
  let response: Response;
  try {
    response = await io.fetchImpl(url, { signal: io.signal, headers: { Accept: 'text/event-stream' } });
  } catch (error) {
    if (io.signal.aborted) report.uncounted();
    throw error;
  }
  if (!response.ok || !response.body) throw await refusal(response);
  const counted = {
    head:
      Number(response.headers.get(REQUEST_BYTES_HEADER) ?? 0) + responseHeadBytes(response.status, response.statusText, response.headers),
    body: 0,
  };
  report.bytes(counted.head, 0);

  let received = 0;
  let failure: string | null = null;
  await readSse(response.body, (read) => {
    if (read.bytes) {
      counted.body += read.bytes.length;
      report.bytes(0, read.bytes.length);
    }
    for (const item of read.items) {
      if (item.kind !== 'event') continue;
      if (item.event === 'error') failure = item.data;
      else {
        received++;
        report.messages([JSON.parse(item.data) as ScheduledMessage]);
      }
    }
  });
  countAnswer(response, url, counted.body, io, report, counted);
  if (failure) throw new LaneFailure(failure);
  if (received < schedule.n) throw new LaneFailure(`the stream ended after ${received} of ${schedule.n} messages`);
}
