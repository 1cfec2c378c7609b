'use client';

import { useEffect, useState } from 'react';
import { QUIET_MOMENT, announcement, type AnnounceMoment } from '@/lib/lesson/announce';
import { narrationText } from '@/lib/lesson/narration';
import type { LessonState } from '@/lib/store/lesson-store';
import { selectLessonView, selectNarration, selectObservedTrace } from '@/lib/store/selectors';
import { framesSent, lastYieldRow } from '@/lib/trace/reduce';
import { useLessonStoreApi } from './lesson-store-provider';

/** At most one announcement a second: a screen reader can't keep up with 30 frames a second. */
const ANNOUNCE_INTERVAL_MS = 1000;

function momentOf(state: LessonState, run: number): AnnounceMoment {
  const rows = selectObservedTrace(state)?.rows ?? [];
  const last = rows.at(-1);
  const ending = last?.kind === 'end' || last?.kind === 'stopped' || last?.kind === 'error' ? last.kind : null;
  return {
    run,
    status: state.status,
    frames: framesSent(rows),
    lastData: lastYieldRow(rows)?.dataSent ?? null,
    ending,
    replay: selectLessonView(state) === 'replay' ? narrationText(selectNarration(state)) : null,
  };
}

/**
 * The page's one polite status region for the live run (connection changes, the data that
 * arrived, the step a replay moved to) and one alert region for errors. Announcements are
 * throttled; when frames were skipped the next one says how many. Nothing is announced for the
 * prediction, so typing in the form is quiet.
 */
export function LiveAnnouncer() {
  const store = useLessonStoreApi();
  const [status, setStatus] = useState<{ text: string; count: number }>({ text: '', count: 0 });
  const [alert, setAlert] = useState('');

  useEffect(() => {
    let run = 0;
    let runParams = store.getState().runParams;
    let announced: AnnounceMoment = QUIET_MOMENT;
    let lastAnnouncedAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;

    function current(): AnnounceMoment {
      const state = store.getState();
      if (state.runParams !== runParams) {
        runParams = state.runParams;
        run += 1;
      }
      return momentOf(state, run);
    }

    function flush() {
      timer = null;
      const now = current();
      const text = announcement(announced, now);
      announced = now;
      if (!text) return;
      lastAnnouncedAt = performance.now();
      setStatus((previous) => ({ text, count: previous.count + 1 }));
    }

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.status === 'error' && previous.status !== 'error') {
        const row = selectObservedTrace(state)?.rows.at(-1);
        setAlert(row?.kind === 'error' ? row.action : 'The stream failed.');
      } else if (state.status !== 'error' && previous.status === 'error') {
        setAlert('');
      }
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, lastAnnouncedAt + ANNOUNCE_INTERVAL_MS - performance.now()));
    });
    announced = current();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);

  return (
    <>
      <div className="visually-hidden" role="status" data-testid="live-announcer">
        {/* A new node each time, so the same sentence twice (two runs) is read twice. */}
        <p key={status.count}>{status.text}</p>
      </div>
      <div className="visually-hidden" role="alert" data-testid="error-announcer">
        {alert}
      </div>
    </>
  );
}
