// npm run bench:client — the page under load, in Chromium, against the production build.
//  1. Ingest: n = 10,000 frames at delay 0. Time from the last byte of the stream to the last row
//     on screen ("settled"), the longest main-thread task (PerformanceObserver 'longtask'), the JS heap.
//  2. Weight: first-load JavaScript of / as transferred (gzip), and LCP on localhost.
// Prints a table with targets and writes JSON to bench/results/. Tests time nothing; this does.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from '@playwright/test';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1] ?? 'true']] : [])),
);
const FRAMES = Number(args.frames ?? 10_000);
const RUNS = Number(args.runs ?? 3);
const PORT = Number(args.port ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS = { settledMs: 500, longestTaskMs: 100, firstLoadJsKB: 150, lcpMs: 1000 };

if (!existsSync('.next/BUILD_ID')) execSync('npm run build', { stdio: 'inherit' });

const server = spawn(process.execPath, ['server.mjs'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stopServer = () => server.kill('SIGTERM');
process.on('exit', stopServer);
await new Promise((resolve, reject) => {
  const timeout = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
  server.stdout.on('data', (chunk) => String(chunk).includes('ready') && (clearTimeout(timeout), resolve()));
});

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-precise-memory-info',
  ],
});

/** Long tasks and LCP, recorded from the very start of the page's life. */
const OBSERVERS = () => {
  window.__bench = { longTasks: [], lcp: 0 };
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => window.__bench.longTasks.push({ start: e.startTime, duration: e.duration })),
  ).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__bench.lcp = e.startTime))).observe({
    type: 'largest-contentful-paint',
    buffered: true,
  });
};

async function pageWeight() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  const scripts = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const sizes = await response
      .request()
      .sizes()
      .catch(() => null);
    scripts.push({
      url: response.url(),
      encoding: response.headers()['content-encoding'] ?? 'identity',
      transferred: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
      body: sizes?.responseBodySize ?? 0,
    });
  });
  const documentResponse = await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const lcp = await page.evaluate(() => window.__bench.lcp);
  // First-load JS: the scripts the HTML itself names (what the page needs to become interactive).
  // Anything else was loaded afterwards (the quiz, the Key Moments, the stream lab, the announcer, the key handling, saved-progress checking).
  const html = await documentResponse.text();
  const named = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1], BASE).pathname));
  await context.close();
  const first = scripts.filter((s) => named.has(new URL(s.url).pathname));
  const later = scripts.filter((s) => !named.has(new URL(s.url).pathname));
  const kb = (list) => list.reduce((sum, s) => sum + s.body, 0) / 1024;
  return {
    scripts,
    firstLoadKB: kb(first),
    firstLoadFiles: first.length,
    laterKB: kb(later),
    laterFiles: later.length,
    lcpMs: lcp,
    gzipped: first.every((s) => s.encoding === 'gzip'),
  };
}

async function ingestOnce() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  await page.goto(`${BASE}/?n=${FRAMES}&delay=0`);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.waitForTimeout(300);
  const lastStep = FRAMES + 2;
  await page.evaluate((step) => {
    // The moment the final row ("Generator ends", step n + 2) is in the DOM, after a paint.
    new MutationObserver((_, observer) => {
      if (
        document.querySelector(`tr[data-step="${step}"][data-source], tr[data-step="${step}"]`) &&
        document.querySelector('[data-testid="connection-state"]')?.textContent === 'Closed'
      ) {
        observer.disconnect();
        requestAnimationFrame(() => (window.__bench.settledAt = performance.now()));
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, lastStep);
  const client = await context.newCDPSession(page);
  await client.send('Performance.enable');
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(() => window.__bench.settledAt !== undefined, null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  const result = await page.evaluate((since) => {
    const end = performance.getEntriesByName('stepstream:stream-end').at(-1)?.startTime ?? NaN;
    const tasks = window.__bench.longTasks.filter((t) => t.start >= since);
    return {
      streamEndAt: end,
      settledAt: window.__bench.settledAt,
      settledMs: window.__bench.settledAt - end,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      domRows: document.querySelectorAll('tbody tr[data-step]').length,
      rows: Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0) - 1,
    };
  }, clickedAt);
  await client.send('HeapProfiler.collectGarbage');
  const { metrics } = await client.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await context.close();
  return { ...result, heapMB: heap / 1024 / 1024 };
}

/** Proves the long-task observer sees a long task here, so "0 long tasks" means none happened. */
async function verifyLongTaskObserver() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  await page.goto(`${BASE}/`);
  // A task the page itself runs (a loop inside a CDP evaluate is not reported as a long task).
  await page.evaluate(() =>
    setTimeout(() => {
      const until = performance.now() + 150;
      while (performance.now() < until);
    }, 0),
  );
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)));
  await context.close();
  if (seen < 140) throw new Error(`the long-task observer missed a 150 ms task (saw ${seen} ms)`);
  return seen;
}

const observerCheckMs = await verifyLongTaskObserver();
const weight = await pageWeight();
const runs = [];
for (let k = 0; k < RUNS; k++) runs.push(await ingestOnce());
await browser.close();
stopServer();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = {
  settledMs: median(runs.map((r) => r.settledMs)),
  longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
  heapMB: median(runs.map((r) => r.heapMB)),
  domRows: Math.max(...runs.map((r) => r.domRows)),
  firstLoadJsKB: weight.firstLoadKB,
  lcpMs: weight.lcpMs,
};
const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model;
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execSync(`${CHROMIUM} --version`).toString().trim()}`;
const check = (value, target) => (value <= target ? 'PASS' : 'MISS');

console.log(`\nStepstream client benchmark — ${new Date().toISOString()}\n${machine}\n`);
console.log(`(long-task observer checked: it reported a deliberate 150 ms task as ${observerCheckMs.toFixed(0)} ms)`);
console.log(`Ingest: n = ${FRAMES} frames at delay 0, ${RUNS} runs (median; longest task is the worst run)`);
console.log(`  rows in the table            ${runs[0].rows}`);
console.log(`  rows in the DOM (max)        ${summary.domRows}`);
console.log(
  `  settled after last frame     ${summary.settledMs.toFixed(0)} ms   target ≤ ${TARGETS.settledMs} ms   ${check(summary.settledMs, TARGETS.settledMs)}`,
);
console.log(
  `  longest main-thread task     ${summary.longestTaskMs.toFixed(0)} ms   target ≤ ${TARGETS.longestTaskMs} ms   ${check(summary.longestTaskMs, TARGETS.longestTaskMs)}`,
);
console.log(`  JS heap after GC             ${summary.heapMB.toFixed(1)} MB`);
console.log(
  `  per run: ${runs.map((r) => `settled ${r.settledMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms (${r.longTasks} long tasks)`).join('; ')}`,
);
console.log(`Page weight of / (production build; first-load scripts gzip-encoded: ${weight.gzipped ? 'yes' : 'NO'})`);
console.log(
  `  first-load JS transferred    ${summary.firstLoadJsKB.toFixed(1)} kB (${weight.firstLoadFiles} files named by the HTML)   target ≤ ${TARGETS.firstLoadJsKB} kB   ${check(summary.firstLoadJsKB, TARGETS.firstLoadJsKB)}`,
);
console.log(
  `  loaded after hydration       ${weight.laterKB.toFixed(1)} kB (${weight.laterFiles} files: the quiz, the Key Moments, the stream lab, the screen-reader announcer, the keyboard shortcuts, saved progress)`,
);
console.log(
  `  LCP on localhost             ${summary.lcpMs.toFixed(0)} ms   target ≤ ${TARGETS.lcpMs} ms   ${check(summary.lcpMs, TARGETS.lcpMs)}`,
);

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/client-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ machine, frames: FRAMES, runs, weight, summary, targets: TARGETS }, null, 2));
console.log(`\nJSON: ${file}`);
process.exit(0);
