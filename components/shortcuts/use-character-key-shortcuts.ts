'use client';

import { useSyncExternalStore } from 'react';
import { SHORTCUTS_STORAGE_KEY, characterKeysFromSaved, savedFromCharacterKeys } from '@/lib/shortcuts/shortcut-setting';

/*
 * Whether single-character shortcuts (Space, R, P, ?) are on, remembered in localStorage.
 * An external store rather than React state: every control that names a shortcut (the help
 * button, the presenter toggle) reads the same value and re-renders when it changes, and other
 * tabs follow through the `storage` event. The state below is per page: the same-tab listeners
 * (the `storage` event reaches only other tabs) and a fallback for browsers that refuse storage.
 */
const listeners = new Set<() => void>();
/** The setting when localStorage refused to save it (storage disabled): it holds for this page only. */
let unsaved: boolean | null = null;

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function readSetting(): boolean {
  if (unsaved !== null) return unsaved;
  try {
    return characterKeysFromSaved(window.localStorage.getItem(SHORTCUTS_STORAGE_KEY));
  } catch {
    return true;
  }
}

// The server cannot see localStorage, so it renders On; React hydrates with this same value, then
// re-renders with the saved one. Server HTML and the first render always agree.
const beforeHydration = () => true;

function writeSetting(characterKeys: boolean) {
  try {
    window.localStorage.setItem(SHORTCUTS_STORAGE_KEY, savedFromCharacterKeys(characterKeys));
    unsaved = null;
  } catch {
    unsaved = characterKeys;
  }
  for (const listener of listeners) listener();
}

/** Whether single-character shortcuts are on (WCAG 2.1.4 asks that they can be switched off), and its setter. */
export function useCharacterKeyShortcuts(): [characterKeys: boolean, setCharacterKeys: (on: boolean) => void] {
  const characterKeys = useSyncExternalStore(subscribe, readSetting, beforeHydration);
  return [characterKeys, writeSetting];
}
