import type { StreamConnection, StreamConnectionOptions } from './stream-connection-types';

/**
 * Opens the stream. What does the work (`stream-runtime.ts`: the readers, eventsource-parser,
 * the reconnect logic) loads on the first Run rather than with the page; until it has, the
 * connection is a request on its way, and closing it means it is never made.
 */
export function openStreamConnection(options: StreamConnectionOptions): StreamConnection {
  const requestedAt = options.now();
  let runtime: StreamConnection | null = null;
  let closed = false;
  void import('./stream-runtime').then(({ connect }) => {
    if (!closed) runtime = connect(options);
  });
  return {
    elapsedMs: () => runtime?.elapsedMs() ?? Math.max(0, options.now() - requestedAt),
    close() {
      closed = true;
      runtime?.close();
    },
    cut: () => runtime?.cut() ?? false,
  };
}
