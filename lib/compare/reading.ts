import {
  formatBytes,
  formatMs,
  formatRatio,
  formatRequests,
  formatSeconds,
  summarizeLatency,
  totalBytes,
  type LaneFigures,
  type LatencySummary,
} from './figures';

/**
 * The paragraph under the lanes: what the page measured, in sentences, written from the figures
 * alone. Nothing in it is known in advance; every comparison (fewest, most, as quick as) is worked
 * out here, so a run where polling wins says so.
 */
export interface ReadingInput {
  n: number;
  delayMs: number;
  /** Every lane's figures, once all of them have shown every message. */
  lanes: readonly LaneFigures[];
}

interface Measured extends LaneFigures {
  bytes: number;
  latency: LatencySummary;
}

/** Two lanes whose mean latencies are this close are "as quick" as each other. */
const SAME_SPEED_MS = 5;
/** Byte totals within this ratio are "about the same". */
const SAME_BYTES_RATIO = 1.1;

const byRequests = (a: Measured, b: Measured) => a.requests - b.requests;
const byBytes = (a: Measured, b: Measured) => a.bytes - b.bytes;
const byLatency = (a: Measured, b: Measured) => a.latency.meanMs - b.latency.meanMs;

/** "a; b, x; c, y; and d, z": a list whose items already contain commas. */
function series(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`;
}

function scheduleWords(n: number, delayMs: number): string {
  if (n === 1) return 'the same message';
  return `the same ${n} messages, ${delayMs === 0 ? 'all ready at once' : `${formatSeconds(delayMs)} apart`}`;
}

function requestsSentence(input: ReadingInput, lanes: Measured[]): string {
  const [first, ...rest] = [...lanes].sort(byRequests);
  const items = [
    `${first!.lane.subject} needed ${formatRequests(first!.requests)}`,
    ...rest.map((f) => `${f.lane.subject}, ${f.requests}`),
  ];
  return `To deliver ${scheduleWords(input.n, input.delayMs)}, ${series(items)}.`;
}

function bytesSentence(lanes: Measured[]): string {
  const sorted = [...lanes].sort(byBytes);
  const least = sorted[0]!;
  const most = sorted.at(-1)!;
  const ratio = most.bytes / Math.max(1, least.bytes);
  if (ratio < SAME_BYTES_RATIO) {
    return `Counting headers both ways, every lane moved about the same: ${formatBytes(least.bytes)} to ${formatBytes(most.bytes)}.`;
  }
  const share = Math.round((100 * most.headerBytes) / Math.max(1, most.bytes));
  const perRequest = formatBytes(Math.round(most.headerBytes / Math.max(1, most.requests)));
  return (
    `Counting headers both ways, ${least.lane.subject} moved the fewest bytes (${formatBytes(least.bytes)}) and ` +
    `${most.lane.subject} the most (${formatBytes(most.bytes)}, ${formatRatio(ratio)} as many), ${share}% of them headers: ` +
    `about ${perRequest} for each request and its answer before any message.`
  );
}

function latencySentence(lanes: Measured[]): string {
  const sorted = [...lanes].sort(byLatency);
  const slowest = sorted.at(-1)!;
  const items = sorted.map((f, index) => {
    const mean = formatMs(f.latency.meanMs);
    if (index === 0) return `${f.lane.subject} took ${mean} on average`;
    return f === slowest ? `${f.lane.subject}, ${mean} (at worst ${formatMs(f.latency.maxMs)})` : `${f.lane.subject}, ${mean}`;
  });
  const why =
    slowest.lane.everyMs !== null && slowest.latency.meanMs - sorted[0]!.latency.meanMs >= SAME_SPEED_MS
      ? `: a short poll sees a message only at its next tick, up to ${formatSeconds(slowest.lane.everyMs)} after it is ready`
      : '';
  return `From ready on the server to shown on this page, ${series(items)}${why}.`;
}

function verdictSentence(lanes: Measured[]): string {
  const cheapest = [...lanes].sort(byBytes)[0]!;
  const fastestMean = [...lanes].sort(byLatency)[0]!.latency.meanMs;
  const quickest = lanes.filter((f) => f.latency.meanMs - fastestMean < SAME_SPEED_MS);
  if (!quickest.includes(cheapest)) {
    const quick = quickest[0]!;
    return (
      `So the cheapest lane here, ${cheapest.lane.subject}, was not the quickest: ${quick.lane.subject} showed messages ` +
      `${formatMs(cheapest.latency.meanMs - quick.latency.meanMs)} sooner on average for ${formatRatio(quick.bytes / Math.max(1, cheapest.bytes))} the bytes.`
    );
  }
  const others = quickest.filter((f) => f !== cheapest);
  const lead = `So ${cheapest.lane.subject} was both the cheapest lane here and ${others.length > 0 ? 'as quick as any' : 'the quickest'}`;
  if (others.length === 0) return `${lead}.`;
  const rivals = others.map(
    (f) =>
      `${f.lane.subject} kept up (${formatMs(f.latency.meanMs)} against ${formatMs(cheapest.latency.meanMs)}) ` +
      `with ${formatRequests(f.requests)} and ${formatRatio(f.bytes / Math.max(1, cheapest.bytes))} the bytes`,
  );
  return `${lead}; ${rivals.join('; ')}.`;
}

/** The reading, or null while any lane has shown nothing (there is nothing to compare yet). */
export function compareReading(input: ReadingInput): string | null {
  const lanes: Measured[] = [];
  for (const figures of input.lanes) {
    const latency = summarizeLatency(figures.latenciesMs);
    if (!latency) return null;
    lanes.push({ ...figures, bytes: totalBytes(figures), latency });
  }
  if (lanes.length === 0) return null;
  return [requestsSentence(input, lanes), bytesSentence(lanes), latencySentence(lanes), verdictSentence(lanes)].join(' ');
}
