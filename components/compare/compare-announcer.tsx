'use client';

import { useEffect, useState } from 'react';
import { LANES, LANE_IDS, type LaneId } from '@/lib/compare/lanes';
import { formatBytes, formatMs, formatRequests, summarizeLatency } from '@/lib/compare/figures';
import { isLaneDone, latenciesOf, selectFinished } from '@/lib/store/compare/compare-selectors';
import type { CompareState } from '@/lib/store/compare/compare-state';
import { useCompareStoreApi } from './compare-store-provider';

/** At most one announcement a second; lanes that finish together are read out together. */
const ANNOUNCE_INTERVAL_MS = 1000;

function laneSentence(id: LaneId, state: CompareState): string {
  const lane = state.lanes[id];
  if (lane.error) return `${LANES[id].label} failed: ${lane.error}.`;
  const latency = summarizeLatency(latenciesOf(lane));
  return (
    `${LANES[id].label} is done: ${formatRequests(lane.requests)}, ${formatBytes(lane.headerBytes + lane.bodyBytes)}` +
    `${latency ? `, ${formatMs(latency.meanMs)} on average` : ''}.`
  );
}

/**
 * The page's one polite status region. The lanes' counters change many times a second and are not
 * live regions; this says once when each lane is done (or fails), and once when all are.
 */
export function CompareAnnouncer() {
  const store = useCompareStoreApi();
  const [text, setText] = useState('');

  useEffect(() => {
    let schedule = store.getState().run?.schedule ?? null;
    let said = new Set<LaneId>();
    let saidFinished = false;
    let queue: string[] = [];
    let lastAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const flush = () => {
      timer = null;
      lastAt = performance.now();
      setText(queue.join(' '));
      queue = [];
    };

    const unsubscribe = store.subscribe((state) => {
      const current = state.run?.schedule ?? null;
      if (current !== schedule) {
        schedule = current;
        said = new Set();
        saidFinished = false;
        queue = [];
      }
      for (const id of LANE_IDS) {
        if (said.has(id) || !(isLaneDone(state.lanes[id]) || state.lanes[id].error)) continue;
        said.add(id);
        queue.push(laneSentence(id, state));
      }
      if (!saidFinished && selectFinished(state)) {
        saidFinished = true;
        queue.push('All four lanes are done; the reading of the numbers follows them.');
      }
      if (queue.length > 0 && timer === null) timer = setTimeout(flush, Math.max(0, lastAt + ANNOUNCE_INTERVAL_MS - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store]);

  return (
    <p role="status" className="visually-hidden">
      {text}
    </p>
  );
}
