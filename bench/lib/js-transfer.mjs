// @ts-check
// The JavaScript a page fetches until the network is idle, as it crossed the wire: every script
// response (first-load chunks and everything loaded after hydration alike), counted from
// Chromium's own network events. Shared by `npm run bench:client` and e2e/js-budget.spec.ts.
//
// Body bytes = what Chromium received for the response minus its headers, so a gzip-encoded
// script counts at its gzip size. (Playwright's `request.sizes().responseBodySize` is not that
// here: it reads the decoded size for a compressed body.)

/** How long the network must stay quiet, and the page with it, before "idle". */
export const QUIET_MS = 1000;

/**
 * @typedef {{ url: string, path: string, encoding: string, bodyBytes: number, transferBytes: number }} ScriptTransfer
 * @typedef {import('@playwright/test').CDPSession} Cdp
 */

/**
 * Starts counting script responses on a page's CDP session (call before navigating).
 * @param {Cdp} cdp
 */
export async function recordScripts(cdp) {
  /** @type {Map<string, { url: string, encoding: string, headerBytes: number }>} */
  const pending = new Map();
  /** @type {ScriptTransfer[]} */
  const done = [];
  /** Requests started and not yet finished, by id: their URLs name them when idle never comes. */
  const inFlight = new Map();
  /** What last kept the network busy, so a timeout says what it was. */
  let lastActivity = Date.now();
  let lastUrl = '';
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    inFlight.set(requestId, request.url);
    lastActivity = Date.now();
    lastUrl = request.url;
  });
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    // An event stream (a room's, a step run's) stays open by design: it is not loading.
    if (response.mimeType === 'text/event-stream') inFlight.delete(requestId);
    if (type !== 'Script') return;
    const encoding = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
    pending.set(requestId, { url: response.url, encoding: String(encoding), headerBytes: response.encodedDataLength });
  });
  const finish = (/** @type {string} */ requestId, /** @type {number | null} */ encodedDataLength) => {
    inFlight.delete(requestId);
    lastActivity = Date.now();
    const script = pending.get(requestId);
    if (!script || encodedDataLength === null) return;
    pending.delete(requestId);
    done.push({
      url: script.url,
      path: new URL(script.url).pathname,
      encoding: script.encoding,
      bodyBytes: encodedDataLength - script.headerBytes,
      transferBytes: encodedDataLength,
    });
  };
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => finish(requestId, encodedDataLength));
  cdp.on('Network.loadingFailed', ({ requestId }) => finish(requestId, null));
  await cdp.send('Network.enable');
  // The page's own cache would hide a script the second time; every count starts cold.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    /** The scripts finished so far. */
    scripts: () => [...done],
    /**
     * Resolves once the page is idle: nothing in flight or started on the network for `quietMs`,
     * then an idle callback on the page's main thread (so hydration, and the loads it starts, are
     * over even on a slow or busy machine), and nothing started meanwhile.
     * @param {import('@playwright/test').Page} page
     */
    idle: async (page, quietMs = QUIET_MS, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (inFlight.size > 0 || Date.now() - lastActivity < quietMs) {
          if (Date.now() > deadline)
            throw new Error(
              `the network was not idle within ${timeoutMs} ms: in flight ${JSON.stringify([...inFlight.values()])}, last started ${lastUrl}`,
            );
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const before = lastActivity;
        await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 10_000 })));
        if (inFlight.size === 0 && lastActivity === before) return;
      }
    },
  };
}

/** Sums of a list of scripts, in bytes. @param {ScriptTransfer[]} scripts */
export const totals = (scripts) => ({
  files: scripts.length,
  bodyBytes: scripts.reduce((sum, s) => sum + s.bodyBytes, 0),
  transferBytes: scripts.reduce((sum, s) => sum + s.transferBytes, 0),
  /** Scripts over 1 kB sent uncompressed (Next compresses nothing smaller). */
  uncompressed: scripts.filter((s) => s.bodyBytes > 1000 && s.encoding !== 'gzip' && s.encoding !== 'br').map((s) => s.path),
});

/** 1 kB = 1000 bytes, as Next and the issue count them. @param {number} bytes */
export const kB = (bytes) => bytes / 1000;
