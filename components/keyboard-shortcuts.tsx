'use client';

import { useEffect, useState } from 'react';
import { ownsKey, shortcutFor, type ShortcutAction } from '@/lib/lesson/shortcuts';
import { useLessonActions, useLessonStore } from './lesson-store-provider';
import { loadAfterHydration } from './load-after-hydration';
import { useCharacterKeyShortcuts } from './use-character-key-shortcuts';

const ShortcutsHelp = loadAfterHydration(() => import('./shortcuts-help').then((module) => module.ShortcutsHelp));

/**
 * The demo's keyboard: Space / → next, ← back, Home / End, R reset, P presenter, ? help; and the
 * dialog that lists them, where the single-character ones can be switched off (WCAG 2.1.4).
 */
export function KeyboardShortcuts() {
  const actions = useLessonActions();
  const presenting = useLessonStore((state) => state.presenting);
  const [characterKeys, setCharacterKeys] = useCharacterKeyShortcuts();
  const [helpOpen, setHelpOpen] = useState(false);
  // The dialog's code loads the first time it is asked for, and then stays.
  const [everOpened, setEverOpened] = useState(false);
  if (helpOpen && !everOpened) setEverOpened(true);

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
          return setHelpOpen((open) => !open);
      }
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = shortcutFor(event.key, { characterKeys });
      if (!action || ownsKey(event.target as HTMLElement | null, event.key)) return;
      // The open dialog makes the page inert: only ? (to close it again) acts; Escape is the dialog's own.
      if (helpOpen && action !== 'help') return;
      event.preventDefault();
      run(action);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, presenting, helpOpen, characterKeys]);

  const buttonLabel = characterKeys ? 'Keyboard shortcuts (?)' : 'Keyboard shortcuts';
  return (
    <>
      <button
        type="button"
        className="button button-small shortcuts-button"
        onClick={() => setHelpOpen(true)}
        aria-keyshortcuts={characterKeys ? '?' : undefined}
        aria-label={buttonLabel}
      >
        <span className="label-wide">{buttonLabel}</span>
        <span className="label-narrow">Shortcuts</span>
      </button>
      {everOpened && (
        <ShortcutsHelp
          open={helpOpen}
          onClose={() => setHelpOpen(false)}
          characterKeys={characterKeys}
          onCharacterKeysChange={setCharacterKeys}
        />
      )}
    </>
  );
}
