// Preloaded into a test's server.mjs (node --import): makes the production hand-over impossible
// to install, as a build without instrumentation.ts would leave it. Test-only; never shipped.
import { HAND_OVER_KEY } from '../../lib/server/hand-over-key.mjs';

Object.defineProperty(globalThis, Symbol.for(HAND_OVER_KEY), { get: () => undefined, set: () => {} });
