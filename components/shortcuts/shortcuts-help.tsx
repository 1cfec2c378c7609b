'use client';

import { useEffect, useRef, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import { SHORTCUTS, isCharacterKey, shortcutKeyLabels } from '@/lib/shortcuts/shortcuts';
import { SwitchButton } from '../ui/switch-button';
import './keyboard-shortcuts.css';

/** Whether a pointer event on the dialog landed on its `::backdrop`, which the browser reports as the dialog itself. */
function isOnBackdrop(event: MouseEvent<HTMLDialogElement>) {
  if (event.target !== event.currentTarget) return false;
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}

/** "A, B and C". */
function listed(words: string[]) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export interface ShortcutsHelpProps {
  open: boolean;
  onClose: () => void;
  characterKeys: boolean;
  onCharacterKeysChange: (on: boolean) => void;
}

/**
 * The list of shortcuts in a modal dialog, with the switch for the single-character ones. Loaded
 * the first time it is opened: most visits never open it, so it stays out of the first load.
 */
export function ShortcutsHelp({ open, onClose, characterKeys, onCharacterKeysChange }: ShortcutsHelpProps) {
  return (
    <ShortcutsDialog open={open} onClose={onClose}>
      <ShortcutList characterKeys={characterKeys} />
      <CharacterKeysSwitch characterKeys={characterKeys} onChange={onCharacterKeysChange} />
      <p className="muted">Shortcuts never fire while you type in a field.</p>
    </ShortcutsDialog>
  );
}

/**
 * A modal native <dialog> that follows `open`. showModal() makes the rest of the page inert and
 * keeps Tab inside; every way of closing it (Close, the backdrop, Escape, `open` turning false)
 * ends in the element's `close` event, which reports back and returns focus to the opener.
 */
function ShortcutsDialog({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const pressedOnBackdrop = useRef(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      closeRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function onDialogClose() {
    onClose();
    // Browsers that restore focus on close put it here too; this makes it so in all of them,
    // and when the dialog was opened with ? from wherever focus was.
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  }

  return (
    <dialog
      ref={dialogRef}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-heading"
      onClose={onDialogClose}
      // Only a click that starts and ends on the backdrop closes: selecting the dialog's text
      // and letting go outside it must not.
      onPointerDown={(event: PointerEvent<HTMLDialogElement>) => (pressedOnBackdrop.current = isOnBackdrop(event))}
      onClick={(event) => {
        if (pressedOnBackdrop.current && isOnBackdrop(event)) dialogRef.current?.close();
        pressedOnBackdrop.current = false;
      }}
    >
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {children}
      <button ref={closeRef} type="button" className="button" onClick={() => dialogRef.current?.close()}>
        Close
      </button>
    </dialog>
  );
}

/** The shortcuts, each key marked "(off)" while single-key shortcuts are off and it is one. */
function ShortcutList({ characterKeys }: { characterKeys: boolean }) {
  return (
    <table className="lesson-table shortcuts-table">
      <tbody>
        {SHORTCUTS.map((shortcut) => (
          <tr key={shortcut.action}>
            <th scope="row">
              {shortcut.keys.map((key, index) => (
                <span key={key.key}>
                  {index > 0 && ' or '}
                  <kbd>{key.label}</kbd>
                  {!characterKeys && isCharacterKey(key.key) && <span className="shortcut-off"> (off)</span>}
                </span>
              ))}
            </th>
            <td>{shortcut.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The "Single-key shortcuts" switch, saying which keys it turns off and which always work. */
function CharacterKeysSwitch({ characterKeys, onChange }: { characterKeys: boolean; onChange: (on: boolean) => void }) {
  return (
    <div className="shortcuts-setting">
      <span id="character-keys-label" className="shortcuts-setting-label">
        Single-key shortcuts
      </span>
      <SwitchButton on={characterKeys} onToggle={onChange} labelledBy="character-keys-label" describedBy="character-keys-hint" />
      <p id="character-keys-hint" className="muted">
        When off, {listed(shortcutKeyLabels(true))} do nothing, so a stray keystroke or speech input cannot trigger them;{' '}
        {listed(shortcutKeyLabels(false))} always work. This browser remembers the choice.
      </p>
    </div>
  );
}
