import type { StreamParams } from '@/lib/contract/params';

/** The seed lesson's prose, word for word: "Server-Sent Events in Flask, step by step". */

export const LESSON_TITLE = 'Server-Sent Events, step by step';

export const CONCEPT_FLOW = [
  'Client sends HTTP request',
  'Server holds connection open',
  'Server sends data chunks',
  'Client receives and processes data',
  'Connection closes or repeats',
] as const;

export const CONCEPT_FLOW_SUMMARY =
  'The server keeps the connection open and sends data chunks to the client as events happen, without the client needing to request repeatedly.';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "three messages", "1 message", "12 messages": the seed spells small counts out. */
function messages(n: number): string {
  return `${NUMBER_WORDS[n] ?? n} message${n === 1 ? '' : 's'}`;
}

/** "every second", "every 0.25 seconds", "with no pause". */
function pace(delayMs: number): string {
  if (delayMs === 0) return 'with no pause between them';
  if (delayMs === 1000) return 'one every second';
  return `one every ${delayMs / 1000} seconds`;
}

/** The sentence under the seed's code sample, for these parameters (the seed's own for the defaults). */
export function sampleSummary(params: StreamParams): string {
  return `This Flask code streams ${messages(params.n)} to the client, ${pace(params.delayMs)}, using Server-Sent Events.`;
}

/** The note under the seed's Execution Table, for these parameters. */
export function executionTableNote(params: StreamParams): string {
  return `Generator finishes after sending ${params.n} message${params.n === 1 ? '' : 's'}, connection closes.`;
}

/** What the Key Moments say until a run reaches them. */
export const KEY_MOMENTS_BEFORE_A_RUN = 'Each Key Moment opens when a run’s table reaches it.';

export const CONCEPT_SNAPSHOT = [
  'Server-Sent Events (SSE) let a server push updates to a client over HTTP.',
  "In Flask, use a generator function yielding 'data:' lines.",
  "Return Response with mimetype 'text/event-stream'.",
  'Connection stays open until generator ends.',
  'Client receives messages as they arrive without polling.',
] as const;

export const FULL_TRANSCRIPT =
  "Server-Sent Events (SSE) provide a way for a server to send real-time updates to a client by keeping an HTTP connection open and streaming data. In Flask, this is done by creating a generator function that yields messages prefixed with 'data:' and separated by double newlines. The Flask route returns a Response object with the mimetype set to 'text/event-stream'. The connection remains open while the generator yields messages, and closes when the generator finishes. This allows clients to receive updates without repeatedly asking the server, making it efficient for live data feeds.";
