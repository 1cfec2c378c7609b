import { createStore } from 'zustand/vanilla';
import { toServerTime, type ClockEstimate } from '@/lib/compare/clock';
import { LANES, LANE_IDS, type Lane, type LaneId } from '@/lib/compare/lanes';
import { DEFAULT_COMPARE_DRAFT, validateCompareDraft, type CompareDraft } from '@/lib/compare/query';
import { SCHEDULE_LEAD_MS, type Schedule } from '@/lib/compare/schedule';
import { EMPTY_LANE, type CompareActions, type CompareState, type LaneState } from './compare-state';
import { selectBusy } from './compare-selectors';
import { runLongPoll, runShortPoll, runSse, type LaneIo, type LaneReport } from './lane-runners';
import { createResourceSizes, type ResourceSizes } from './resource-sizes';
import { measureServerClock } from './server-clock';
import { assertNever } from '@/lib/contract/assert-never';

export interface CompareStoreOptions {
  draft?: CompareDraft;
  fetchImpl?: typeof fetch;
  /** The page's clock, ms since 1970. */
  now?: () => number;
  /** Calls `paint` in the next animation frame with that frame's time on the page's clock. */
  onNextFrame?: (paint: (pageTime: number) => void) => void;
  createSizes?: () => ResourceSizes;
}

const pageClock = () => performance.timeOrigin + performance.now();
/**
 * "Shown": when the first animation frame after the message reached the store starts its work
 * (React has already put it in the DOM; style, layout and paint follow). Read with `performance.now()`
 * rather than the callback's argument: that is the frame's start, which can come before the message did.
 */
const nextFrame = (paint: (pageTime: number) => void) => requestAnimationFrame(() => paint(pageClock()));

const emptyLanes = (): Record<LaneId, LaneState> => Object.fromEntries(LANE_IDS.map((id) => [id, EMPTY_LANE])) as Record<LaneId, LaneState>;

function runnerFor(lane: Lane) {
  switch (lane.kind) {
    case 'short-poll':
      return runShortPoll;
    case 'long-poll':
      return runLongPoll;
    case 'sse':
      return runSse;
    default:
      return assertNever(lane.kind, 'lane kind');
  }
}

/** Resolves at `pageTime`, or at once when `signal` aborts. */
function waitUntil(now: () => number, pageTime: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, pageTime - now()));
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Creates /compare's store: the form, the run and each lane's counters. Each page (and each test) makes its own. */
export function createCompareStore(options: CompareStoreOptions = {}) {
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? pageClock;
  const onNextFrame = options.onNextFrame ?? nextFrame;
  const createSizes = options.createSizes ?? (() => createResourceSizes('/api/compare/'));

  return createStore<CompareState>()((set, get) => {
    /** The run reports belong to; a report from an older run (before Reset or a new Start) is dropped. */
    let current = 0;
    let controller: AbortController | null = null;
    let sizes: ResourceSizes | null = null;

    const updateLane = (run: number, id: LaneId, change: (lane: LaneState) => Partial<LaneState>) => {
      if (run !== current) return;
      set((state) => ({ lanes: { ...state.lanes, [id]: { ...state.lanes[id], ...change(state.lanes[id]) } } }));
    };

    const paint = (run: number, id: LaneId, indexes: readonly number[], serverTime: number) =>
      updateLane(run, id, (lane) => ({
        messages: lane.messages.map((message) =>
          message.shownAt === null && indexes.includes(message.i) ? { ...message, shownAt: serverTime } : message,
        ),
      }));

    function reportFor(run: number, id: LaneId, clock: ClockEstimate): LaneReport {
      return {
        sent: () => updateLane(run, id, (lane) => ({ requests: lane.requests + 1 })),
        bytes: (headerBytes, bodyBytes) =>
          updateLane(run, id, (lane) => ({ headerBytes: lane.headerBytes + headerBytes, bodyBytes: lane.bodyBytes + bodyBytes })),
        measuring: (delta, protocol) => {
          updateLane(run, id, (lane) => ({ measuring: lane.measuring + delta }));
          const known = get().run;
          if (run === current && protocol && known && !known.protocol) set({ run: { ...known, protocol } });
        },
        uncounted: () => updateLane(run, id, (lane) => ({ uncounted: lane.uncounted + 1 })),
        messages: (messages) => {
          if (messages.length === 0) return;
          updateLane(run, id, (lane) => {
            const fresh = messages.filter((message) => !lane.messages.some((had) => had.i === message.i));
            return { messages: [...lane.messages, ...fresh.map((message) => ({ ...message, shownAt: null }))].sort((a, b) => a.i - b.i) };
          });
          const indexes = messages.map((message) => message.i);
          onNextFrame((pageTime) => paint(run, id, indexes, toServerTime(clock, pageTime)));
        },
      };
    }

    async function begin(run: number, n: number, delayMs: number, signal: AbortSignal, runSizes: ResourceSizes) {
      let clock: ClockEstimate;
      try {
        clock = await measureServerClock(fetchImpl, now, signal);
      } catch (error) {
        if (run === current && !signal.aborted) set({ status: 'error', error: `Could not read the server's clock: ${messageOf(error)}` });
        return;
      }
      if (run !== current) return;
      const schedule: Schedule = { start: Math.round(toServerTime(clock, now()) + SCHEDULE_LEAD_MS), n, delayMs };
      set({ status: 'running', run: { schedule, clock, protocol: null } });
      const io: LaneIo = { fetchImpl, now, waitUntil: (pageTime) => waitUntil(now, pageTime, signal), sizes: runSizes, signal };
      for (const id of LANE_IDS) {
        runnerFor(LANES[id])(LANES[id], schedule, io, reportFor(run, id, clock)).then(
          () => updateLane(run, id, () => ({ received: true })),
          (error: unknown) => {
            if (!signal.aborted) updateLane(run, id, () => ({ error: messageOf(error) }));
          },
        );
      }
    }

    /** Ends whatever runs: its requests are aborted and its pending measurements settle with what was read. */
    function halt() {
      controller?.abort();
      sizes?.dispose();
      controller = null;
      sizes = null;
    }

    const actions: CompareActions = {
      edit: (field, value) => set((state) => ({ draft: { ...state.draft, [field]: value } })),
      start: () => {
        if (selectBusy(get())) return;
        const checked = validateCompareDraft(get().draft);
        if (!checked.ok) return set({ showAllErrors: true });
        halt();
        const run = ++current;
        controller = new AbortController();
        sizes = createSizes();
        set({ status: 'syncing', error: null, run: null, lanes: emptyLanes(), showAllErrors: false });
        void begin(run, checked.n, checked.delayMs, controller.signal, sizes);
      },
      stop: () => {
        if (!selectBusy(get())) return;
        halt();
        set({ status: 'stopped' });
      },
      reset: () => {
        halt();
        current++;
        set({ status: 'idle', error: null, run: null, lanes: emptyLanes(), showAllErrors: false });
      },
    };

    return {
      draft: { ...(options.draft ?? DEFAULT_COMPARE_DRAFT) },
      showAllErrors: false,
      status: 'idle',
      error: null,
      run: null,
      lanes: emptyLanes(),
      actions,
    };
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type CompareStore = ReturnType<typeof createCompareStore>;
