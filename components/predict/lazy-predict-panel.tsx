'use client';

import { loadAfterHydration } from '../ui/load-after-hydration';
import { useLessonStore } from '../lesson/lesson-store-provider';

const PredictPanel = loadAfterHydration(() => import('./predict-panel').then((module) => module.PredictPanel));

/** The prediction panel, only while Predict is on or a predicted run is on show; its code loads the first time it is needed. */
export function LazyPredictPanel() {
  const shown = useLessonStore((state) => state.draft.mode === 'predict' || state.runParams?.mode === 'predict');
  return shown ? <PredictPanel /> : null;
}
