// The three things `npm run bench:client` measures in Chromium, each in a fresh browser context:
//  - ingest: click on Run → "Closed" and the last row on screen, for n frames at delay 0;
//  - weight: every script `/` fetches until the network is idle, as transferred;
//  - phone: `/` loaded on a phone profile (4× CPU, 150 ms RTT, 1.6 Mbps, 360×740): LCP and TBT.
// With `profileDir`, ingest and phone also write a V8 CPU profile of the page's main thread.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { recordScripts, totals } from './js-transfer.mjs';
import { OBSERVERS, blocking } from './page-observers.mjs';

/** A mid-range phone on a slow 3G-ish link, as the issue defines it. */
export const PHONE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1e6) / 8,
  uploadBytesPerSecond: (0.75 * 1e6) / 8,
  viewport: { width: 360, height: 740 },
};

async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

async function stopProfile(cdp, file) {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

/** Chromium's counters of the renderer's work so far: durations in ms, counts as counts. */
async function renderingMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    scriptMs: value('ScriptDuration') * 1000,
    styleMs: value('RecalcStyleDuration') * 1000,
    layoutMs: value('LayoutDuration') * 1000,
    styleCount: value('RecalcStyleCount'),
    layoutCount: value('LayoutCount'),
  };
}

/** Waits until the page has had no long task for `quietMs` (at most `timeoutMs`). */
async function waitForQuietMainThread(page, quietMs = 1000, timeoutMs = 15_000) {
  await page.waitForFunction(
    (quiet) => {
      const last = window.__bench.longTasks.at(-1);
      const end = last ? last.start + last.duration : 0;
      return performance.now() - end >= quiet;
    },
    quietMs,
    { timeout: timeoutMs, polling: 100 },
  );
}

/** One run of n frames at delay 0, timed from the click on Run to "Closed" and the last row painted. */
export async function ingestOnce(browser, base, frames, { profileFile = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  const cdp = await context.newCDPSession(page);
  const network = await recordScripts(cdp);
  await page.goto(`${base}/?n=${frames}&delay=0`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  // What loads after hydration has loaded, and the page is quiet: the click is the only thing timed.
  await network.idle(page);
  await waitForQuietMainThread(page, 500);
  const lastStep = frames + 2;
  await page.evaluate((step) => {
    // The final row ("Generator ends", step n + 2) in the DOM and "Closed" shown; then the frame
    // that paints them: a rAF runs before the paint, a message posted from it after.
    new MutationObserver((_, observer) => {
      if (
        document.querySelector(`tr[data-step="${step}"]`) &&
        document.querySelector('[data-testid="connection-state"]')?.textContent === 'Closed'
      ) {
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (window.__bench.settledAt = performance.now());
          channel.port2.postMessage(null);
        });
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, lastStep);
  await cdp.send('Performance.enable');
  const before = await renderingMetrics(cdp);
  if (profileFile) await startProfile(cdp);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(() => window.__bench.settledAt !== undefined, null, { timeout: 120_000, polling: 50 });
  if (profileFile) await stopProfile(cdp, profileFile);
  const after = await renderingMetrics(cdp);
  const result = await page.evaluate(() => {
    const bench = window.__bench;
    return {
      clickAt: bench.clicks.at(-1),
      streamEndAt: performance.getEntriesByName('stepstream:stream-end').at(-1)?.startTime ?? NaN,
      // Where the wait goes: the request's own timing (sent, first byte, last byte on the network).
      request: (() => {
        const entry = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/stream'))
          .at(-1);
        return entry ? { startAt: entry.startTime, firstByteAt: entry.responseStart, lastByteAt: entry.responseEnd } : null;
      })(),
      settledAt: bench.settledAt,
      tasks: bench.longTasks,
      domRows: document.querySelectorAll('tbody tr[data-step]').length,
      rows: Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0) - 1,
    };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return {
    clickToClosedMs: result.settledAt - result.clickAt,
    lastByteToRowMs: result.settledAt - result.streamEndAt,
    clickToRequestMs: (result.request?.startAt ?? NaN) - result.clickAt,
    clickToFirstByteMs: (result.request?.firstByteAt ?? NaN) - result.clickAt,
    clickToNetworkEndMs: (result.request?.lastByteAt ?? NaN) - result.clickAt,
    clickToReadEndMs: result.streamEndAt - result.clickAt,
    ...blocking(result.tasks, result.clickAt, result.settledAt),
    longTaskList: result.tasks
      .filter((t) => t.start >= result.clickAt && t.start <= result.settledAt)
      .map((t) => ({ atMs: Math.round(t.start - result.clickAt), ms: Math.round(t.duration) })),
    // What the renderer did between the click and the end (Chromium's own counters): script, style, layout.
    rendering: Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]])),
    domRows: result.domRows,
    rows: result.rows,
    heapMB: (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20,
  };
}

/** Every script `urlPath` fetches until the network is idle, on a desktop profile with no throttling. */
export async function pageScripts(browser, base, urlPath = '/') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const network = await recordScripts(cdp);
  await page.goto(`${base}${urlPath}`, { waitUntil: 'commit' });
  await network.idle(page);
  const scripts = network.scripts();
  await context.close();
  return { scripts, ...totals(scripts) };
}

/** `/` on the phone profile, from navigation until the network and the main thread are quiet. */
export async function phoneLoad(browser, base, { profileFile = null } = {}) {
  const context = await browser.newContext({
    viewport: PHONE.viewport,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  const cdp = await context.newCDPSession(page);
  const network = await recordScripts(cdp);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBytesPerSecond,
    uploadThroughput: PHONE.uploadBytesPerSecond,
  });
  if (profileFile) await startProfile(cdp);
  await page.goto(`${base}/`, { waitUntil: 'commit', timeout: 60_000 });
  await network.idle(page, 2000);
  await waitForQuietMainThread(page, 2000, 30_000);
  if (profileFile) await stopProfile(cdp, profileFile);
  const { lcp, fcp, longTasks } = await page.evaluate(() => window.__bench);
  await context.close();
  // Total blocking time as Lighthouse counts it (from the first contentful paint), to idle.
  return { lcpMs: lcp, fcpMs: fcp, ...blocking(longTasks, fcp), scripts: totals(network.scripts()) };
}

export const profilePath = (dir, name) => (dir ? path.join(dir, `${name}.cpuprofile`) : null);
