'use client';

import { useEffect, useRef, useState } from 'react';
import { SHORTCUTS, ownsKey, shortcutFor, type ShortcutAction } from '@/lib/lesson/shortcuts';
import { useLessonActions, useLessonStore } from './lesson-store-provider';

/** The demo's keyboard: Space / → next, ← back, Home / End, R reset, P presenter, ? help. */
export function KeyboardShortcuts() {
  const actions = useLessonActions();
  const presenting = useLessonStore((state) => state.presenting);
  const [helpOpen, setHelpOpen] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

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
      if (event.key === 'Escape' && helpOpen) {
        setHelpOpen(false);
        return;
      }
      const action = shortcutFor(event.key, { characterKeys: true });
      if (!action || ownsKey(event.target as HTMLElement | null, event.key)) return;
      if (helpOpen && action !== 'help') return;
      event.preventDefault();
      run(action);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, presenting, helpOpen]);

  useEffect(() => {
    if (helpOpen) {
      returnFocus.current = document.activeElement as HTMLElement | null;
      closeRef.current?.focus();
    } else {
      returnFocus.current?.focus?.();
      returnFocus.current = null;
    }
  }, [helpOpen]);

  return (
    <>
      <button type="button" className="button button-small shortcuts-button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
        Keyboard shortcuts (?)
      </button>
      {helpOpen && (
        <div className="overlay" onClick={() => setHelpOpen(false)}>
          <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading" className="dialog" onClick={(event) => event.stopPropagation()}>
            <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
            <table className="lesson-table shortcuts-table">
              <tbody>
                {SHORTCUTS.map((shortcut) => (
                  <tr key={shortcut.action}>
                    <th scope="row">
                      {shortcut.keys.map((key, index) => (
                        <span key={key.key}>
                          {index > 0 && ' or '}
                          <kbd>{key.label}</kbd>
                        </span>
                      ))}
                    </th>
                    <td>{shortcut.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">Shortcuts never fire while you type in a field.</p>
            <button ref={closeRef} type="button" className="button" onClick={() => setHelpOpen(false)}>
              Close
            </button>
          </div>
        </div>
      )}
    </>
  );
}
