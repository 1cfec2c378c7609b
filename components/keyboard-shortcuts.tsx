'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { loadAfterHydration } from './load-after-hydration';
import type { ShortcutKeysProps } from './shortcut-keys';
import { useCharacterKeyShortcuts } from './use-character-key-shortcuts';

const ShortcutsHelp = loadAfterHydration(() => import('./shortcuts-help').then((module) => module.ShortcutsHelp));
/** The key handling itself (the key map and the listener) arrives just after hydration, out of the first load. */
const ShortcutKeys = loadAfterHydration<ShortcutKeysProps>(() => import('./shortcut-keys').then((module) => module.ShortcutKeys));

/**
 * The demo's keyboard: Space / → next, ← back, Home / End, R reset, P presenter, ? help; and the
 * dialog that lists them, where the single-character ones can be switched off (WCAG 2.1.4).
 */
export function KeyboardShortcuts() {
  const [characterKeys, setCharacterKeys] = useCharacterKeyShortcuts();
  const [helpOpen, setHelpOpen] = useState(false);
  // The dialog's code loads the first time it is asked for, and then stays.
  const [everOpened, setEverOpened] = useState(false);
  if (helpOpen && !everOpened) setEverOpened(true);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const takeEarlyKeys = useEarlyKeys();

  const buttonLabel = characterKeys ? 'Keyboard shortcuts (?)' : 'Keyboard shortcuts';
  return (
    <>
      <ShortcutKeys characterKeys={characterKeys} helpOpen={helpOpen} onHelp={toggleHelp} takeEarlyKeys={takeEarlyKeys} />
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

/**
 * Keys pressed between hydration and the moment the key handling's code arrives are kept, not
 * lost: a listener registered as the page hydrates holds them until the handling takes them (once).
 */
function useEarlyKeys(): () => KeyboardEvent[] {
  const early = useRef<{ keys: KeyboardEvent[]; stop: () => void } | null>(null);
  useLayoutEffect(() => {
    const keys: KeyboardEvent[] = [];
    const remember = (event: KeyboardEvent) => keys.push(event);
    const stop = () => window.removeEventListener('keydown', remember);
    window.addEventListener('keydown', remember);
    early.current = { keys, stop };
    return stop;
  }, []);
  return useCallback(() => {
    const taken = early.current;
    early.current = null;
    taken?.stop();
    return taken?.keys ?? [];
  }, []);
}
