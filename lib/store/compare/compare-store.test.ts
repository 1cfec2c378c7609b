import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as longPoll } from '@/app/api/compare/long-poll/route';
import { GET as poll } from '@/app/api/compare/poll/route';
import { GET as sse } from '@/app/api/compare/sse/route';
import { GET as time } from '@/app/api/compare/time/route';
import { LANE_IDS } from '@/lib/compare/lanes';
import { resumeAdmissions } from '@/lib/server/registry';
import { createCompareStore } from './compare-store';
import { isLaneDone, selectBusy, selectFinished, selectReading } from './compare-selectors';

const ROUTES: Record<string, (request: Request) => Response | Promise<Response>> = {
  '/api/compare/poll': poll,
  '/api/compare/long-poll': longPoll,
  '/api/compare/sse': sse,
  '/api/compare/time': () => time(),
};

/** The route handlers as the network: every request the store makes, answered by the real lanes. */
function createNetwork() {
  const asked: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://test');
    asked.push(url.pathname + url.search);
    const route = ROUTES[url.pathname];
    if (!route) return new Response('not found', { status: 404 });
    return route(new Request(url, { ...init, headers: { Host: 'test', ...(init?.headers as Record<string, string>) } }));
  }) as typeof fetch;
  return { asked, fetchImpl };
}

function createTestStore(network = createNetwork()) {
  const store = createCompareStore({
    fetchImpl: network.fetchImpl,
    now: () => Date.now(),
    // A frame 16 ms after the store changed, on the same clock as the server's (no skew here).
    onNextFrame: (paint) => setTimeout(() => paint(Date.now()), 16),
    // No Resource Timing under Node: every body counts as the bytes read.
    createSizes: () => ({ take: async () => null, dispose: () => {} }),
  });
  return { store, network };
}

describe('the /compare store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_800_000_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
    resumeAdmissions();
  });

  it('delivers the default schedule in all four lanes, counting the requests each made', async () => {
    const { store, network } = createTestStore();
    store.getState().actions.start();
    expect(store.getState().status).toBe('syncing');
    await vi.advanceTimersByTimeAsync(4000);

    const state = store.getState();
    expect(selectFinished(state)).toBe(true);
    expect(selectBusy(state)).toBe(false);
    // Ready at 0.625, 1.625 and 2.625 s after Start: the 1 s lane sees the last at its 4th tick (3 s), the 250 ms lane at its 12th.
    expect(LANE_IDS.map((id) => state.lanes[id].requests)).toEqual([4, 12, 3, 1]);
    const lanesAsked = network.asked.filter((url) => !url.startsWith('/api/compare/time'));
    expect(lanesAsked.filter((url) => url.includes('every=1000'))).toHaveLength(4);
    expect(lanesAsked.filter((url) => url.includes('every=250'))).toHaveLength(12);
    expect(network.asked.filter((url) => url.startsWith('/api/compare/time'))).toHaveLength(5);
    for (const id of LANE_IDS) {
      const lane = state.lanes[id];
      expect(isLaneDone(lane)).toBe(true);
      expect(lane.messages.map((message) => message.data)).toEqual(['Message 0', 'Message 1', 'Message 2']);
      expect(lane.headerBytes).toBeGreaterThan(0);
      expect(lane.bodyBytes).toBeGreaterThan(0);
    }
    // No network delay and no skew; the clock estimate adds half a millisecond for the server's rounding down,
    // so message 0 is ready 626 ms after Start and SSE shows each one frame (16 ms) + 0.5 ms after it is ready.
    expect(state.lanes.sse.messages.map((message) => message.shownAt! - message.readyAt)).toEqual([16.5, 16.5, 16.5]);
    // The 1 s lane sees each at its next tick, 374 ms later, one frame after that.
    expect(state.lanes['poll-1s'].messages.map((message) => message.shownAt! - message.readyAt)).toEqual([390.5, 390.5, 390.5]);
    expect(selectReading(state)).toMatch(/^To deliver the same 3 messages, 1 s apart, SSE needed 1 request;/);
  });

  it('shows inline errors and sends nothing for a bad form', async () => {
    const { store, network } = createTestStore();
    store.getState().actions.edit('n', '101');
    store.getState().actions.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getState()).toMatchObject({ status: 'idle', showAllErrors: true });
    expect(network.asked).toEqual([]);
  });

  it('stops every lane at once and keeps the figures so far; Reset clears them', async () => {
    const { store } = createTestStore();
    store.getState().actions.start();
    await vi.advanceTimersByTimeAsync(1000);
    store.getState().actions.stop();
    const stopped = store.getState();
    expect(stopped.status).toBe('stopped');
    expect(stopped.lanes.sse.messages).toHaveLength(1);
    const requests = LANE_IDS.map((id) => stopped.lanes[id].requests);
    await vi.advanceTimersByTimeAsync(5000);
    expect(LANE_IDS.map((id) => store.getState().lanes[id].requests)).toEqual(requests);
    expect(selectReading(store.getState())).toBeNull();
    expect(vi.getTimerCount()).toBe(0);

    store.getState().actions.reset();
    expect(store.getState()).toMatchObject({ status: 'idle', run: null });
    expect(store.getState().lanes.sse.requests).toBe(0);
  });
});
