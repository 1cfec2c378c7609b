import { describe, expect, it } from 'vitest';
import type { LaneFigures } from './figures';
import { LANES } from './lanes';
import { compareReading } from './reading';

/** Figures shaped like a default run on localhost: the numbers are the test's, not measured. */
const DEFAULT_RUN: LaneFigures[] = [
  { lane: LANES['poll-1s'], requests: 4, headerBytes: 3600, bodyBytes: 260, latenciesMs: [376, 377, 378] },
  { lane: LANES['poll-250ms'], requests: 12, headerBytes: 10_800, bodyBytes: 420, latenciesMs: [126, 127, 131] },
  { lane: LANES['long-poll'], requests: 3, headerBytes: 2600, bodyBytes: 200, latenciesMs: [3, 4, 5] },
  { lane: LANES.sse, requests: 1, headerBytes: 900, bodyBytes: 150, latenciesMs: [2, 3, 4] },
];

describe('the reading', () => {
  it('says what each lane spent and how long each took, from the figures alone', () => {
    expect(compareReading({ n: 3, delayMs: 1000, lanes: DEFAULT_RUN })).toBe(
      'To deliver the same 3 messages, 1 s apart, SSE needed 1 request; long polling, 3; short polling every 1 s, 4; and short polling every 250 ms, 12. ' +
        'Counting headers both ways, SSE moved the fewest bytes (1.1 kB) and short polling every 250 ms the most (11.2 kB, 10.7× as many), ' +
        '96% of them headers: about 900 B for each request and its answer before any message. ' +
        'From ready on the server to shown on this page, SSE took 3 ms on average; long polling, 4 ms; short polling every 250 ms, 128 ms; ' +
        'and short polling every 1 s, 377 ms (at worst 378 ms): a short poll sees a message only at its next tick, up to 1 s after it is ready. ' +
        'So SSE was both the cheapest lane here and as quick as any; long polling kept up (4 ms against 3 ms) with 3 requests and 2.7× the bytes.',
    );
  });

  it('follows the figures when they say something else: here polling is the quickest and SSE the cheapest', () => {
    const lanes = DEFAULT_RUN.map((f) => (f.lane.id === 'sse' ? { ...f, latenciesMs: [600, 700, 800] } : f));
    const reading = compareReading({ n: 3, delayMs: 1000, lanes })!;
    expect(reading).toContain('From ready on the server to shown on this page, long polling took 4 ms on average;');
    expect(reading).toContain('and SSE, 700 ms (at worst 800 ms).');
    expect(reading).not.toContain('a short poll sees a message only');
    expect(reading).toContain(
      'So the cheapest lane here, SSE, was not the quickest: long polling showed messages 696 ms sooner on average for 2.7× the bytes.',
    );
  });

  it('names the one quickest lane when no other keeps up', () => {
    const lanes = DEFAULT_RUN.map((f) => (f.lane.id === 'long-poll' ? { ...f, latenciesMs: [40, 40, 40] } : f));
    expect(compareReading({ n: 3, delayMs: 1000, lanes })).toMatch(/So SSE was both the cheapest lane here and the quickest\.$/);
  });

  it('says the bytes were about the same when no lane spent a tenth more than another', () => {
    const lanes = DEFAULT_RUN.map((f) => ({ ...f, headerBytes: 1000, bodyBytes: f.requests }));
    expect(compareReading({ n: 3, delayMs: 1000, lanes })).toContain(
      'Counting headers both ways, every lane moved about the same: 1.0 kB to 1.0 kB.',
    );
  });

  it('words one message, and messages all ready at once', () => {
    expect(compareReading({ n: 1, delayMs: 1000, lanes: DEFAULT_RUN })).toMatch(/^To deliver the same message, SSE needed 1 request;/);
    expect(compareReading({ n: 3, delayMs: 0, lanes: DEFAULT_RUN })).toMatch(/^To deliver the same 3 messages, all ready at once, /);
    expect(compareReading({ n: 3, delayMs: 250, lanes: DEFAULT_RUN })).toMatch(/^To deliver the same 3 messages, 0.25 s apart, /);
  });

  it('is not written while a lane has shown nothing', () => {
    const lanes = DEFAULT_RUN.map((f) => (f.lane.id === 'poll-1s' ? { ...f, latenciesMs: [] } : f));
    expect(compareReading({ n: 3, delayMs: 1000, lanes })).toBeNull();
    expect(compareReading({ n: 3, delayMs: 1000, lanes: [] })).toBeNull();
  });
});
