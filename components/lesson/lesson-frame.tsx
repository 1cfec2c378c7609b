'use client';

import type { ReactNode } from 'react';
import { useLessonActions, useLessonStore } from './lesson-store-provider';
import { useCharacterKeyShortcuts } from '../shortcuts/use-character-key-shortcuts';

/** The page's outer frame: switches presenter mode's large, high-contrast layout on and off. */
export function LessonFrame({ children, embedded = false }: { children: ReactNode; embedded?: boolean }) {
  const presenting = useLessonStore((state) => state.presenting);
  return (
    <div className="lesson-frame" data-presenting={presenting || undefined} data-embedded={embedded || undefined}>
      {children}
    </div>
  );
}

/** The presenter mode switch (also P while single-key shortcuts are on, and `?present=1`). */
export function PresenterToggle() {
  const presenting = useLessonStore((state) => state.presenting);
  const { setPresenting } = useLessonActions();
  const [characterKeys] = useCharacterKeyShortcuts();
  const label = presenting ? 'Exit presenter mode' : 'Presenter mode';
  return (
    <button
      type="button"
      className="button button-small"
      aria-pressed={presenting}
      aria-keyshortcuts={characterKeys ? 'P' : undefined}
      aria-label={label}
      onClick={() => setPresenting(!presenting)}
    >
      <span className="label-wide">{label}</span>
      <span className="label-narrow">{presenting ? 'Exit' : 'Present'}</span>
    </button>
  );
}
