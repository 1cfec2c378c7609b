/**
 * Runs once when the Next.js server prepares. On Node it installs the production hand-over
 * (`lib/server/hand-over.ts`): what `server.mjs` needs from the compiled app, its direct
 * `GET /api/stream` and its shutdown hook, reached through one typed object.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installHandOver } = await import('./lib/server/hand-over');
  installHandOver();
}
