'use client';

import { useEffect } from 'react';
import { ownsKey, shortcutFor, type ShortcutAction } from '@/lib/shortcuts/shortcuts';
import { useLessonActions, useLessonStore } from '../lesson/lesson-store-provider';

export interface ShortcutKeysProps {
  /** Whether the single-character shortcuts (Space, R, P, ?) are on. */
  characterKeys: boolean;
  helpOpen: boolean;
  /** ? opens the list of shortcuts, or closes it. */
  onHelp: () => void;
  /** The keys pressed before this code arrived, handed over once, to be acted on now. */
  takeEarlyKeys: () => KeyboardEvent[];
}

/**
 * The demo's keyboard, listened for on the whole page: Space / → next, ← back, Home / End,
 * R reset, P presenter, ? help. Never while typing in a field, and, while the list of shortcuts is
 * open, only ? (the dialog makes the page inert; Escape is the dialog's own).
 */
export function ShortcutKeys({ characterKeys, helpOpen, onHelp, takeEarlyKeys }: ShortcutKeysProps) {
  const actions = useLessonActions();
  const presenting = useLessonStore((state) => state.presenting);

  useEffect(() => {
    function run(action: ShortcutAction) {
      switch (action) {
        case 'next':
          return actions.next();
        case 'back':
          return actions.back();
        case 'home':
          return actions.seek(1);
        case 'end':
          return actions.seek(null);
        case 'reset':
          return actions.reset();
        case 'present':
          return actions.setPresenting(!presenting);
        case 'help':
          return onHelp();
      }
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = shortcutFor(event.key, { characterKeys });
      if (!action || ownsKey(event.target as HTMLElement | null, event.key)) return;
      if (helpOpen && action !== 'help') return;
      event.preventDefault();
      run(action);
    }
    window.addEventListener('keydown', onKeyDown);
    // After the first time, takeEarlyKeys gives nothing.
    for (const early of takeEarlyKeys()) onKeyDown(early);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, presenting, helpOpen, characterKeys, onHelp, takeEarlyKeys]);

  return null;
}
