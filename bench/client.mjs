// npm run bench:client — what people wait for, in Chromium, against one production build, in one run:
//  1. Ingest: n = 10,000 frames at delay 0. From the click on Run to "Closed" and the last row on
//     screen, and separately from the stream's last byte to that moment; the longest main-thread
//     task and the total blocking time between the click and the end (PerformanceObserver 'longtask'
//     injected before the page's scripts run).
//  2. Weight: every script `/` fetches until the network is idle (first-load chunks and all that
//     loads after hydration), at its transferred (gzip) size.
//  3. Phone: `/` with 4× CPU slowdown, 150 ms RTT, 1.6 Mbps down, 360×740 mobile: LCP and total
//     blocking time until idle, median of 3.
// Prints each against issue 19's goal and writes JSON to bench/results/. Tests time nothing; this does.
//   node bench/client.mjs [--port 3400] [--frames 10000] [--runs 3] [--phone-runs 3] [--profile DIR]
// --profile writes a CPU profile of the page's main thread for the first ingest and phone run, and
// prints its top functions (build with `npx next build --no-mangling` for readable names).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { ingestOnce, pageScripts, phoneLoad, profilePath, PHONE } from './lib/client-runs.mjs';
import { summarizeProfile } from './lib/cpuprofile-top.mjs';
import { kB } from './lib/js-transfer.mjs';
import { median, verifyLongTaskObserver } from './lib/page-observers.mjs';
import { killAllOnExit, startServer } from './lib/servers.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1] ?? 'true']] : [])),
);
const FRAMES = Number(args.frames ?? 10_000);
const RUNS = Number(args.runs ?? 3);
const PHONE_RUNS = Number(args['phone-runs'] ?? 3);
const PORT = Number(args.port ?? 3400);
const PROFILE_DIR = args.profile ?? null;
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Issue 19's goals. */
const GOALS = { clickToClosedMs: 500, longestTaskMs: 50, jsKB: 150, phoneLcpMs: 1000, phoneTbtMs: 50 };

if (!existsSync('.next/BUILD_ID')) execSync('npm run build', { stdio: 'inherit' });
if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });

killAllOnExit((line) => console.error(`[bench] ${line}`));
const server = await startServer('next', PORT);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const observerCheckMs = await verifyLongTaskObserver(browser, BASE);
const weight = await pageScripts(browser, BASE, '/');
const runs = [];
for (let k = 0; k < RUNS; k++) {
  runs.push(await ingestOnce(browser, BASE, FRAMES, { profileFile: k === 0 ? profilePath(PROFILE_DIR, 'ingest') : null }));
}
const phones = [];
for (let k = 0; k < PHONE_RUNS; k++) {
  phones.push(await phoneLoad(browser, BASE, { profileFile: k === 0 ? profilePath(PROFILE_DIR, 'phone') : null }));
}
await browser.close();
await server.stop();

const summary = {
  clickToClosedMs: median(runs.map((r) => r.clickToClosedMs)),
  lastByteToRowMs: median(runs.map((r) => r.lastByteToRowMs)),
  longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
  totalBlockingMs: median(runs.map((r) => r.totalBlockingMs)),
  heapMB: median(runs.map((r) => r.heapMB)),
  domRows: Math.max(...runs.map((r) => r.domRows)),
  jsKB: kB(weight.bodyBytes),
  phoneLcpMs: median(phones.map((p) => p.lcpMs)),
  phoneTbtMs: median(phones.map((p) => p.totalBlockingMs)),
};
const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model;
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}, ${execSync(`${CHROMIUM} --version`).toString().trim()}`;
const ms = (v) => `${v.toFixed(0)} ms`;
const line = (label, value, goal) =>
  console.log(
    `  ${label.padEnd(46)} ${value.padStart(10)}${goal ? `   goal ${goal.text.padStart(9)}   ${goal.met ? 'PASS' : 'MISS'}` : ''}`,
  );
const goal = (value, target, unit) => ({ text: `≤ ${target}${unit}`, met: value <= target });
const each = (list, pick) => list.map((r) => pick(r).toFixed(0)).join(', ');

console.log(`\nStepstream client benchmark — ${new Date().toISOString()}\n${machine}`);
console.log(`(long-task observer checked: it reported a deliberate 150 ms task as ${observerCheckMs.toFixed(0)} ms)\n`);
console.log(`Ingest: n = ${FRAMES} frames at delay 0, ${RUNS} runs, medians (each run in brackets)`);
line(
  'click on Run → "Closed" and the last row painted',
  ms(summary.clickToClosedMs),
  goal(summary.clickToClosedMs, GOALS.clickToClosedMs, ' ms'),
);
console.log(`    [${each(runs, (r) => r.clickToClosedMs)}] ms`);
console.log(
  `    where it goes (median): request sent ${ms(median(runs.map((r) => r.clickToRequestMs)))}, first byte ${ms(median(runs.map((r) => r.clickToFirstByteMs)))}, ` +
    `last byte on the network ${ms(median(runs.map((r) => r.clickToNetworkEndMs)))}, read by the page ${ms(median(runs.map((r) => r.clickToReadEndMs)))} after the click`,
);
line('last byte of the stream → last row painted', ms(summary.lastByteToRowMs));
console.log(`    [${each(runs, (r) => r.lastByteToRowMs)}] ms`);
line('longest main-thread task, click → end', ms(summary.longestTaskMs), goal(summary.longestTaskMs, GOALS.longestTaskMs, ' ms'));
console.log(`    [${each(runs, (r) => r.longestTaskMs)}] ms, [${each(runs, (r) => r.longTasks)}] long tasks`);
line('total blocking time, click → end', ms(summary.totalBlockingMs));
console.log(`    [${each(runs, (r) => r.totalBlockingMs)}] ms`);
const work = (key) => median(runs.map((r) => r.rendering[key]));
line(
  'renderer, click → end: script / style / layout',
  `${work('scriptMs').toFixed(0)} / ${work('styleMs').toFixed(0)} / ${work('layoutMs').toFixed(0)} ms`,
);
console.log(`    ${work('styleCount')} style recalculations, ${work('layoutCount')} layouts`);
line('JS heap after GC', `${summary.heapMB.toFixed(1)} MB`);
line(`rows in the DOM (of ${runs[0].rows} in the table)`, String(summary.domRows));
console.log(`\nWeight of / (production build; every script until the network is idle for 1 s)`);
line(
  `JS transferred, ${weight.files} files (${weight.uncompressed.length === 0 ? 'gzip' : `UNCOMPRESSED: ${weight.uncompressed.join(' ')}`})`,
  `${summary.jsKB.toFixed(1)} kB`,
  goal(summary.jsKB, GOALS.jsKB, ' kB'),
);
line('  the same with response headers', `${kB(weight.transferBytes).toFixed(1)} kB`);
console.log(
  `\nPhone: ${PHONE.cpuSlowdown}× CPU, ${PHONE.latencyMs} ms RTT, ${(PHONE.downloadBytesPerSecond * 8) / 1e6} Mbps down, ${PHONE.viewport.width}×${PHONE.viewport.height} mobile; median of ${PHONE_RUNS}`,
);
line('LCP', ms(summary.phoneLcpMs), goal(summary.phoneLcpMs, GOALS.phoneLcpMs, ' ms'));
console.log(`    [${each(phones, (p) => p.lcpMs)}] ms (FCP [${each(phones, (p) => p.fcpMs)}] ms)`);
line('total blocking time, first paint → idle', ms(summary.phoneTbtMs), goal(summary.phoneTbtMs, GOALS.phoneTbtMs, ' ms'));
console.log(`    [${each(phones, (p) => p.totalBlockingMs)}] ms; longest task [${each(phones, (p) => p.longestTaskMs)}] ms`);

if (PROFILE_DIR) {
  for (const name of ['ingest', 'phone']) {
    console.log(`\nCPU profile of the first ${name} run:`);
    console.log(summarizeProfile(profilePath(PROFILE_DIR, name), { top: 25 }).join('\n'));
  }
}

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/client-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ machine, frames: FRAMES, runs, phones, weight, summary, goals: GOALS }, null, 2));
console.log(`\nJSON: ${file}`);
