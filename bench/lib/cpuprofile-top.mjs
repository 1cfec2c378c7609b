// Summarises a V8 .cpuprofile (node --cpu-prof): self time by area and by function, and inclusive
// time by function, from nodes[].callFrame weighted by the samples that landed on each node.
// A window (in the profile's clock: CLOCK_MONOTONIC µs, the same as process.hrtime) keeps only the
// samples taken during the load; `node bench/load.mjs --cpu-prof DIR` records it and passes it here.
//
//   node bench/lib/cpuprofile-top.mjs FILE.cpuprofile [--top 30] [--results bench/results/<name>.json]
//   (--results: only the samples inside that run's Next load phase)
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const IDLE = new Set(['(idle)', '(program)', '(root)']);

const shortUrl = (url) => {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm + 'node_modules/'.length);
  const next = clean.indexOf('/.next/');
  if (next >= 0) return clean.slice(next + 1);
  return clean.startsWith('node:') ? clean : path.basename(clean);
};

// The .next bundle is minified; its source maps say which original file a function came from.
const sourceMaps = new Map();
function originalOf(frame) {
  const url = frame.url ?? '';
  if (!url.includes('/.next/')) return null;
  const file = url.replace(/^file:\/\//, '');
  if (!sourceMaps.has(file)) {
    let map = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    sourceMaps.set(file, map);
  }
  const entry = sourceMaps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return null;
  const source = entry.originalSource.replace(/^(\.\.\/)+/, '').replace(/^\[project\]\//, '');
  return { source, line: entry.originalLine + 1 };
}

/** A coarse area for a frame: what part of the stack the time belongs to. */
function areaOf(frame) {
  const url = frame.url ?? '';
  const original = originalOf(frame);
  if (original) {
    const nm = original.source.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const rest = original.source.slice(nm + 'node_modules/'.length).split('/');
      return rest[0] === 'next' ? `next (in the route bundle): ${rest.slice(1, 3).join('/')}` : `${rest[0]} (in the route bundle)`;
    }
    return `ours: ${original.source}`;
  }
  if (!url) return frame.functionName === '(garbage collector)' ? 'V8 garbage collector' : `native: ${frame.functionName}`;
  if (url.includes('/node_modules/') || url.includes('/.next/')) {
    const short = shortUrl(url);
    if (short.startsWith('.next/')) return 'app bundle (.next: our route, zod, stream code)';
    if (short.startsWith('next/')) return `next: ${short.split('/').slice(1, 4).join('/')}`;
    return short.split('/')[0];
  }
  if (url.includes('internal/webstreams')) return 'node: web streams';
  if (url.includes('async_hooks') || url.includes('async_context')) return 'node: async_hooks / AsyncLocalStorage';
  if (url.includes('deps/undici')) return 'node: undici (Request, Headers, Response)';
  if (url.includes('abort_controller') || url.includes('event_target') || url.includes('abort_listener') || url.includes('node:events'))
    return 'node: AbortSignal / EventTarget / events';
  if (url.includes('js_transferable')) return 'node: makeTransferable';
  if (url.includes('_http_') || url.includes('node:net') || url.includes('internal/streams') || url.includes('stream_base'))
    return 'node: http / net / streams';
  if (url.includes('internal/url') || url.includes('node:url') || url.includes('querystring')) return 'node: URL';
  if (url.includes('timers')) return 'node: timers';
  if (url.includes('task_queues')) return 'node: nextTick / microtask queue';
  if (url.includes('internal/modules') || url.includes('bootstrap')) return 'node: module loading';
  if (url.startsWith('node:')) return `node: ${url.replace(/^node:(internal\/)?/, '')}`;
  return shortUrl(url);
}

const keyOf = (frame) => {
  const original = originalOf(frame);
  const where = original
    ? `${original.source.replace(/^.*node_modules\//, '')}:${original.line}`
    : `${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
  return `${frame.functionName || '(anonymous)'}  ${where}`;
};

/** The summary as lines of text. */
export function summarizeProfile(file, { top = 30, fromUs = null, toUs = null } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Sample i was taken at startTime + Σ timeDeltas[0..i]; it stands for the time until the next one.
  const selfUs = new Map();
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += deltas[i] ?? 0;
    if ((fromUs !== null && at < fromUs) || (toUs !== null && at > toUs)) continue;
    const us = deltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + us);
    totalUs += us;
  }
  let busyUs = 0;
  const areas = new Map();
  const self = new Map();
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id).callFrame;
    if (IDLE.has(frame.functionName)) continue;
    busyUs += us;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const key = keyOf(frame);
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set(); // each function once per stack, recursion or not
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const callFrame = byId.get(node).callFrame;
      if (IDLE.has(callFrame.functionName)) continue;
      const k = keyOf(callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const lines = [];
  const window = fromUs !== null ? ' (load phase only)' : ' (whole process life)';
  lines.push(
    `${path.basename(file)}${window}: ${(totalUs / 1e6).toFixed(2)} s sampled, ${(busyUs / 1e6).toFixed(2)} s busy; percentages are of busy time`,
  );
  const ms = (us) => (us / 1000).toFixed(1).padStart(9);
  const pct = (us) => `${((us / busyUs) * 100).toFixed(1)}%`.padStart(7);
  const section = (title, map, n) => {
    lines.push('', title);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) lines.push(`${ms(us)} ms ${pct(us)}  ${key}`);
  };
  section('self time by area', areas, 25);
  section(`self time, top ${top} functions`, self, top);
  section(`inclusive time, top ${top} functions`, inclusive, top);
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const file = argv.find((arg, i) => !arg.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
  if (!file) {
    console.error('usage: node bench/lib/cpuprofile-top.mjs FILE.cpuprofile [--top N] [--results RESULTS.json]');
    process.exit(2);
  }
  let window = {};
  if (option('--results')) {
    const [fromUs, toUs] = JSON.parse(readFileSync(option('--results'), 'utf8')).results?.next?.loadWindowUs ?? [null, null];
    window = { fromUs, toUs };
  }
  console.log(summarizeProfile(file, { top: Number(option('--top') ?? 30), ...window }).join('\n'));
}
