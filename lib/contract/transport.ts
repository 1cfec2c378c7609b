/** How the page reads the stream: `fetch` and a parser (the bytes are seen), or the browser's own `EventSource` (`client=eventsource`). */
export type Transport = 'fetch' | 'eventsource';
