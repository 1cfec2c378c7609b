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

export const SAMPLE_SUMMARY =
  'This Flask code streams three messages to the client, one every second, using Server-Sent Events.';

export const EXECUTION_TABLE_NOTE = 'Generator finishes after sending 3 messages, connection closes.';

export const CONCEPT_SNAPSHOT = [
  'Server-Sent Events (SSE) let a server push updates to a client over HTTP.',
  "In Flask, use a generator function yielding 'data:' lines.",
  "Return Response with mimetype 'text/event-stream'.",
  'Connection stays open until generator ends.',
  'Client receives messages as they arrive without polling.',
] as const;

export const FULL_TRANSCRIPT =
  "Server-Sent Events (SSE) provide a way for a server to send real-time updates to a client by keeping an HTTP connection open and streaming data. In Flask, this is done by creating a generator function that yields messages prefixed with 'data:' and separated by double newlines. The Flask route returns a Response object with the mimetype set to 'text/event-stream'. The connection remains open while the generator yields messages, and closes when the generator finishes. This allows clients to receive updates without repeatedly asking the server, making it efficient for live data feeds.";
