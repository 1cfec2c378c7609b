import { isHeldMode, type StreamEnd, type StreamParams } from '@/lib/contract/params';
import { streamAddress } from '@/lib/contract/stream-query';

/**
 * How an EventSource's loop ends, the stream lab's four choices: not at all (the seed: the
 * browser reconnects for ever), the page closing after the last message it expects, the page
 * closing on the server's `event: end`, or the server answering the reconnect with 204.
 */
export type LoopEnding = 'repeat' | 'client-counts' | 'end-event' | 'no-content';

export interface LoopEndingChoice {
  ending: LoopEnding;
  label: string;
  /** Who ends it, and how, in a few words. */
  summary: string;
  /** What the server is asked for (`end=`). */
  end: StreamEnd;
  /** Whether the page closes its EventSource after the last message. */
  closeAfterLast: boolean;
}

export const LOOP_ENDINGS: readonly LoopEndingChoice[] = [
  {
    ending: 'repeat',
    label: 'It repeats (the seed)',
    summary: 'Nobody ends it: each time the response ends, the browser waits its retry delay and asks again.',
    end: 'close',
    closeAfterLast: false,
  },
  {
    ending: 'client-counts',
    label: 'The page counts and closes',
    summary: 'The client knows how many messages to expect and calls source.close() after the last; the server is the seed’s.',
    end: 'close',
    closeAfterLast: true,
  },
  {
    ending: 'end-event',
    label: 'The server sends event: end',
    summary: 'The server says it is done with a named event; the client listens for it and closes. onmessage never sees it.',
    end: 'event',
    closeAfterLast: false,
  },
  {
    ending: 'no-content',
    label: 'The server answers 204',
    summary:
      'Frames carry ids, so the reconnect sends Last-Event-ID; after the last one the server answers 204 No Content, and EventSource stops by itself.',
    end: '204',
    closeAfterLast: false,
  },
];

/** The choice the stream's ending and the page's close-after-last setting make. */
export function loopEndingOf(end: StreamEnd, closeAfterLast: boolean): LoopEnding {
  if (end === 'event') return 'end-event';
  if (end === '204') return 'no-content';
  return closeAfterLast ? 'client-counts' : 'repeat';
}

/**
 * The browser code a page needs for each ending, for these parameters: what the stream lab
 * shows beside the choice. Plain JavaScript that runs as shown (an end-to-end test runs each one
 * in Chromium against this server); `show` is whatever the page does with a message.
 */
export function clientCode(ending: LoopEnding, params: StreamParams): string {
  const open = `const source = new EventSource(${JSON.stringify(streamAddress(params))});`;
  switch (ending) {
    case 'repeat':
      return [
        open,
        'source.onmessage = (event) => show(event.data);',
        '// Nothing closes it: each time the response ends, the browser waits and asks again.',
      ].join('\n');
    case 'client-counts':
      return [
        open,
        'let received = 0;',
        'source.onmessage = (event) => {',
        '  show(event.data);',
        `  if (++received === ${params.n}) source.close(); // the last one: close before the browser reconnects`,
        '};',
      ].join('\n');
    case 'end-event':
      return [
        open,
        "source.onmessage = (event) => show(event.data); // never sees 'end'",
        "source.addEventListener('end', () => source.close());",
      ].join('\n');
    case 'no-content':
      return [
        open,
        'source.onmessage = (event) => show(event.data);',
        `// Nothing to close: the reconnect sends Last-Event-ID: ${isHeldMode(params) ? '<stream id>/' : ''}${params.n - 1}, the server answers 204, EventSource stops.`,
      ].join('\n');
  }
}
