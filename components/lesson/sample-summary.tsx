'use client';

import { sampleSummary } from '@/lib/lesson/content';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { selectDraftResult } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';

/** The seed's sentence under its code sample, for the run's parameters (or the form's, before a run). */
export function SampleSummary() {
  const summary = useLessonStore((state) => {
    const draft = selectDraftResult(state);
    return sampleSummary(state.runParams ?? (draft.ok ? draft.params : DEFAULT_PARAMS));
  });
  return <p className="sample-summary">{summary}</p>;
}
