import { estimateClockOffset, type ClockEstimate, type ClockSample } from '@/lib/compare/clock';
import { TIME_PATH } from '@/lib/compare/lanes';

/** Samples taken: the shortest round trip of five is a fair bound on a quiet network. */
const SAMPLES = 5;

/**
 * Measures the server's clock against the page's (`now`, ms since 1970), NTP-style: five
 * `GET /api/compare/time` one after another, the offset from the quickest (lib/compare/clock.ts).
 * These requests belong to no lane and are counted in none.
 */
export async function measureServerClock(fetchImpl: typeof fetch, now: () => number, signal: AbortSignal): Promise<ClockEstimate> {
  const samples: ClockSample[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const sentAt = now();
    const response = await fetchImpl(TIME_PATH, { signal, cache: 'no-store' });
    const receivedAt = now();
    if (!response.ok) throw new Error(`the server's clock did not answer (${response.status})`);
    const body = (await response.json()) as { now?: unknown };
    if (typeof body.now !== 'number') throw new Error("the server's clock answered something else");
    samples.push({ sentAt, receivedAt, serverNow: body.now });
  }
  return estimateClockOffset(samples);
}
