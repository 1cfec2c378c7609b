'use client';

import { useEffect, useState } from 'react';
import { readyStateTimeline, type ReadyStateSpan } from '@/lib/lab/ready-state';
import { selectDisplayedTrace, selectLessonView } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';

/** How long a span lasts, up to `nowMs` while it goes on. */
const spanMs = (span: ReadyStateSpan, nowMs: number) => Math.max(0, (span.toMs ?? nowMs) - span.fromMs);

/**
 * The run's clock while it is live: the latest row's time plus what has passed since it arrived,
 * ticking four times a second. The latest row's time otherwise.
 */
function useRunClock(live: boolean, lastMs: number) {
  const [passed, setPassed] = useState({ lastMs, ms: 0 });
  useEffect(() => {
    if (!live) return;
    const seenAt = performance.now();
    const timer = setInterval(() => setPassed({ lastMs, ms: performance.now() - seenAt }), 250);
    return () => clearInterval(timer);
  }, [live, lastMs]);
  return live && passed.lastMs === lastMs ? lastMs + passed.ms : lastMs;
}

/**
 * EventSource's `readyState` over the run, drawn as a bar: CONNECTING, OPEN, CONNECTING again
 * while it waits to reconnect, … CLOSED. Each span is as wide as it lasted.
 */
export function ReadyStateTimeline() {
  const view = useLessonStore(selectLessonView);
  const rows = useLessonStore((state) => selectDisplayedTrace(state).rows);
  const live = useLessonStore((state) => state.status === 'open' || state.status === 'connecting');
  const nowMs = useRunClock(view === 'live' && live, rows.at(-1)?.atMs ?? 0);
  if (view === 'prediction') return <p className="muted">Run the stream to see EventSource&apos;s readyState change.</p>;
  const spans = readyStateTimeline(rows);
  const total = spans.reduce((sum, span) => sum + spanMs(span, nowMs), 0) || 1;
  return (
    <figure className="ready-state">
      <figcaption>EventSource.readyState over the run</figcaption>
      <ol className="ready-state-bar">
        {spans.map((span, k) => (
          <li
            key={k}
            className={`ready-state-span ready-state-${span.state.toLowerCase()}`}
            style={{ flexGrow: Math.max(spanMs(span, nowMs) / total, 0.04) }}
          >
            <span className="ready-state-name">{span.state}</span>
            <span className="ready-state-time">
              {(span.fromMs / 1000).toFixed(1)} s
              {span.toMs !== null && span.toMs !== span.fromMs ? `–${(span.toMs / 1000).toFixed(1)} s` : ''}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
