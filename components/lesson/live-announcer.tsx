'use client';

import { useEffect, useLayoutEffect, useRef } from 'react';
import { QUIET_MOMENT, announcement, type AnnounceMoment, type AnnouncedEnding } from '@/lib/lesson/announce';
import { narrationText } from '@/lib/lesson/narration';
import type { LessonState } from '@/lib/store/lesson-state';
import { selectNarration } from '@/lib/store/select-narration';
import { selectLessonView, selectObservedTrace } from '@/lib/store/selectors';
import { framesSent, lastYieldRow } from '@/lib/trace/reduce';
import { useLessonStoreApi } from './lesson-store-provider';

export interface AnnouncerProps {
  onStatus: (text: string) => void;
  onAlert: (text: string) => void;
  /** Called once the announcer follows the store. */
  onReady: () => void;
}

const ENDINGS: ReadonlySet<string> = new Set<AnnouncedEnding>(['end', 'stopped', 'error', 'no-content', 'closed']);

/** At most one announcement a second: a screen reader can't keep up with 30 frames a second. */
const ANNOUNCE_INTERVAL_MS = 1000;

function momentOf(state: LessonState, run: number): AnnounceMoment {
  const rows = selectObservedTrace(state)?.rows ?? [];
  const last = rows.at(-1);
  const ending = last && ENDINGS.has(last.kind) ? (last.kind as AnnouncedEnding) : null;
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
 * Decides what the page's one polite status region says about the live run (connection changes, the data that
 * arrived, the step a replay moved to) and one alert region for errors. Announcements are
 * throttled; when frames were skipped the next one says how many. Nothing is announced for the
 * prediction, so typing in the form is quiet.
 */
export function LiveAnnouncer({ onStatus, onAlert, onReady }: AnnouncerProps) {
  const store = useLessonStoreApi();
  // The callbacks change identity on every render of the regions; the subscription must not.
  const say = useRef({ onStatus, onAlert, onReady });
  useLayoutEffect(() => {
    say.current = { onStatus, onAlert, onReady };
  });

  useEffect(() => {
    // Run 0 is "before any run": a run already under way when this loads counts as a new one.
    let run = 0;
    let runParams: LessonState['runParams'] = null;
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
      say.current.onStatus(text);
    }

    function alertFor(state: LessonState) {
      const row = selectObservedTrace(state)?.rows.at(-1);
      return row?.kind === 'error' ? row.action : 'The stream failed.';
    }

    const unsubscribe = store.subscribe((state, previous) => {
      if (state.status === 'error' && previous.status !== 'error') say.current.onAlert(alertFor(state));
      else if (state.status !== 'error' && previous.status === 'error') say.current.onAlert('');
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, lastAnnouncedAt + ANNOUNCE_INTERVAL_MS - performance.now()));
    });
    // This code loads after the page: a run started before it did is caught up at once, told
    // from the beginning (nothing announced yet), as if it had been there all along.
    if (store.getState().status === 'error') say.current.onAlert(alertFor(store.getState()));
    flush();
    say.current.onReady();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);

  return null;
}
