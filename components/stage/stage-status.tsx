'use client';

import { useShallow } from 'zustand/react/shallow';
import type { ConnectionStatus } from '@/lib/trace/types';
import type { Narration } from '@/lib/lesson/narration';
import { selectDisplayedTrace, selectDraftResult, selectLessonView, selectStatusOnShow } from '@/lib/store/selectors';
import { framesSent } from '@/lib/trace/reduce';
import { lazyModule } from '../ui/lazy-module';
import { useLessonStore } from '../lesson/lesson-store-provider';

/** The narration's words (lib/lesson/narration.ts) load just after hydration, out of the first load. */
const useNarrationModule = lazyModule(() => import('@/lib/store/select-narration'));
const NO_NARRATION = () => null;

const STATUS_LABELS: Record<ConnectionStatus, string> = {
  idle: 'Idle',
  connecting: 'Connecting',
  open: 'Open',
  closed: 'Closed',
  error: 'Error',
};

/**
 * The connection's state, frames received, and the one-line narration of the step on show.
 * `initialNarration` is the line the server worked out for the page as it arrives, shown until the
 * narration's code has loaded (a moment after hydration).
 */
export function StageStatus({ initialNarration }: { initialNarration: Narration }) {
  const narrationModule = useNarrationModule();
  const status = useLessonStore(selectStatusOnShow);
  const view = useLessonStore(selectLessonView);
  const { headline, detail } = useLessonStore(useShallow(narrationModule?.selectNarration ?? NO_NARRATION)) ?? initialNarration;
  const frames = useLessonStore((state) => framesSent(selectDisplayedTrace(state).rows));
  const total = useLessonStore((state) => selectDisplayedTrace(state).params.n);
  const presenting = useLessonStore((state) => state.presenting);
  const formError = useLessonStore((state) => {
    const result = selectDraftResult(state);
    return state.showAllErrors && !result.ok ? Object.values(result.errors)[0] : undefined;
  });

  return (
    <div className="stage-status">
      <p className="connection-summary">
        <span className="connection-label">Connection:</span>{' '}
        <strong className={`state-badge state-${status}`} data-testid="connection-state">
          {STATUS_LABELS[status]}
        </strong>
        {view !== 'prediction' && (
          <span className="frame-count">
            {' '}
            · {frames} of {total} frames
          </span>
        )}
      </p>
      <p className={`narration narration-${view}`} data-testid="narration">
        <strong className="narration-headline">{headline}</strong>
        <span className="narration-detail">
          {/* A separator only a screen reader or a copy needs: the detail has its own line or weight. */}
          <span className="visually-hidden">; </span>
          {detail}
        </span>
      </p>
      {presenting && formError && (
        <p className="field-error" role="alert">
          {formError} Exit presenter mode to fix it.
        </p>
      )}
    </div>
  );
}
