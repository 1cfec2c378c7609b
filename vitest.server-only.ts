// Tests are the server: `server-only` guards what Next bundles for the browser, so under Vitest
// (plain Node) it stands for nothing. Aliased in vitest.config.ts.
export {};
