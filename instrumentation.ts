/**
 * Runs once when the server starts. On Node it hands `server.mjs` the direct `GET /api/stream`
 * (`lib/stream/serve-on-node.ts`), compiled here by Next with the rest of the app, through
 * `globalThis`, as the shutdown hook is handed over (`lib/stream/registry.ts`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { isStreamRequest, serveStreamOnNode } = await import('./lib/stream/serve-on-node');
  (globalThis as Record<symbol, unknown>)[Symbol.for('stepstream.serve-stream')] = { isStreamRequest, serveStreamOnNode };
}
