'use client';

import { useCallback, useState } from 'react';
import { loadAfterHydration } from '../ui/load-after-hydration';
import type { ShortcutsToolbarProps } from './early-input';
import { ShortcutKeys } from './shortcut-keys';
import { useCharacterKeyShortcuts } from './use-character-key-shortcuts';

const ShortcutsHelp = loadAfterHydration(() => import('./shortcuts-help').then((module) => module.ShortcutsHelp));

/**
 * The demo's keyboard: Space / → next, ← back, Home / End, R reset, P presenter, ? help; and the
 * dialog that lists them, where the single-character ones can be switched off (WCAG 2.1.4).
 */
export function ShortcutsToolbar({ takeEarly }: ShortcutsToolbarProps) {
  const [characterKeys, setCharacterKeys] = useCharacterKeyShortcuts();
  // What was pressed before this code arrived, taken once: a click on the button opens the list now.
  const [early] = useState(takeEarly);
  const [helpOpen, setHelpOpen] = useState(early.help);
  // The dialog's code loads the first time it is asked for, and then stays.
  const [everOpened, setEverOpened] = useState(false);
  if (helpOpen && !everOpened) setEverOpened(true);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  // The keys go to the key handling once (splice empties the list as it hands them over).
  const takeEarlyKeys = useCallback(() => early.keys.splice(0), [early]);

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
