'use client';

import { useCallback, useLayoutEffect, useRef } from 'react';
import { loadAfterHydration } from '../ui/load-after-hydration';
import type { EarlyInput, ShortcutsToolbarProps } from './early-input';

/** The button as it is until its code arrives (the server's HTML, and the first moments after). */
function WaitingButton({ onPress }: { onPress: () => void }) {
  return (
    <button
      type="button"
      className="button button-small shortcuts-button"
      onClick={onPress}
      aria-keyshortcuts="?"
      aria-label="Keyboard shortcuts (?)"
      data-shortcuts-loading=""
    >
      <span className="label-wide">Keyboard shortcuts (?)</span>
      <span className="label-narrow">Shortcuts</span>
    </button>
  );
}

/**
 * The demo's keyboard and the button that lists it. All of it loads just after hydration, out of
 * the first load (shortcuts-toolbar.tsx); what a person presses meanwhile is kept and acted on
 * when it arrives, never lost.
 */
export function KeyboardShortcuts() {
  const early = useEarlyInput();
  return <ShortcutsToolbar takeEarly={early.take} fallback={<WaitingButton onPress={early.askHelp} />} />;
}

const ShortcutsToolbar = loadAfterHydration<ShortcutsToolbarProps>(() =>
  import('./shortcuts-toolbar').then((module) => module.ShortcutsToolbar),
);

/**
 * Keys pressed between hydration and the moment the key handling's code arrives are kept, not
 * lost: a listener registered as the page hydrates holds them (and a click on the waiting button)
 * until the toolbar takes them, once.
 */
function useEarlyInput() {
  const early = useRef<{ input: EarlyInput; stop: () => void } | null>(null);
  useLayoutEffect(() => {
    const input: EarlyInput = { keys: [], help: false };
    const remember = (event: KeyboardEvent) => input.keys.push(event);
    const stop = () => window.removeEventListener('keydown', remember);
    window.addEventListener('keydown', remember);
    early.current = { input, stop };
    return stop;
  }, []);
  const take = useCallback((): EarlyInput => {
    const taken = early.current;
    if (taken) {
      taken.stop();
      early.current = { input: { keys: [], help: false }, stop: () => undefined };
    }
    return taken?.input ?? { keys: [], help: false };
  }, []);
  const askHelp = useCallback(() => {
    if (early.current) early.current.input.help = true;
  }, []);
  return { take, askHelp };
}
