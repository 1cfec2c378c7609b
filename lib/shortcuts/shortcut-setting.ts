/*
 * The single-key shortcuts switch as it is remembered: apart from the key map (shortcuts.ts), so
 * the toolbar can read it at first load while the key handling loads after hydration.
 */

/** Where the page remembers whether character-key shortcuts are on (`localStorage`). */
export const SHORTCUTS_STORAGE_KEY = 'stepstream-shortcuts';

/** The saved setting, read: only `off` turns character keys off, so a missing or corrupt value means On. */
export function characterKeysFromSaved(saved: string | null): boolean {
  return saved !== 'off';
}

/** The setting as it is saved. */
export function savedFromCharacterKeys(characterKeys: boolean): 'on' | 'off' {
  return characterKeys ? 'on' : 'off';
}
