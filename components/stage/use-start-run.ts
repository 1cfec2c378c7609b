'use client';

import { useCallback } from 'react';
import { useLessonStoreApi } from '../lesson/lesson-store-provider';

/**
 * Starts a run from the form's values; when they are invalid, every field shows its message and
 * focus moves to the first invalid field (if it is on screen: presenter mode hides the form, and
 * the stage bar says what to fix instead).
 */
export function useStartRun(): () => boolean {
  const store = useLessonStoreApi();
  return useCallback(() => {
    const started = store.getState().actions.run();
    if (!started) {
      // After React has rendered the messages and aria-invalid.
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>('#params-form [aria-invalid="true"]')?.focus();
      });
    }
    return started;
  }, [store]);
}
