// Preloaded into a test's server.mjs (node --require): makes the production hand-over impossible
// to install, as a build without instrumentation.ts would leave it. Test-only; never shipped.
Object.defineProperty(globalThis, Symbol.for('stepstream.production-hand-over'), { get: () => undefined, set: () => {} });
