// @ts-check
/**
 * Where the production hand-over waits: `Symbol.for(HAND_OVER_KEY)` on `globalThis`. Plain
 * JavaScript, not TypeScript, so that `server.mjs` (which Node runs as written) and
 * `hand-over.ts` (which Next compiles) import the one definition. No `server-only` import: Node
 * refuses that package outside Next's server bundle, and this module holds nothing secret.
 */
export const HAND_OVER_KEY = 'stepstream.production-hand-over';
