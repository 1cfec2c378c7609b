/** A shortcut's key as `KeyboardEvent.key` reports it, and as the help dialog shows it. */
export interface ShortcutKey {
  key: string;
  label: string;
}

/**
 * The keyboard shortcuts, as the help dialog lists them and the handler reads them: each key as
 * `KeyboardEvent.key` reports it (letters in lower case) and as the list shows it.
 */
export const SHORTCUTS = [
  {
    keys: [
      { key: ' ', label: 'Space' },
      { key: 'ArrowRight', label: '→' },
    ],
    action: 'next',
    description: 'Next step: a recorded row, the server’s next frame in step mode, or Run',
  },
  { keys: [{ key: 'ArrowLeft', label: '←' }], action: 'back', description: 'Back one step' },
  { keys: [{ key: 'Home', label: 'Home' }], action: 'home', description: 'First step' },
  { keys: [{ key: 'End', label: 'End' }], action: 'end', description: 'Last step (follow the live stream)' },
  { keys: [{ key: 'r', label: 'R' }], action: 'reset', description: 'Reset the run' },
  { keys: [{ key: 'p', label: 'P' }], action: 'present', description: 'Presenter mode on or off' },
  { keys: [{ key: '?', label: '?' }], action: 'help', description: 'Show or hide this list' },
] as const satisfies readonly { keys: readonly ShortcutKey[]; action: string; description: string }[];

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

export interface ShortcutOptions {
  /** Whether shortcuts on single character keys (Space, R, P, ?) are on; the person can switch them off. */
  characterKeys: boolean;
}

/**
 * Whether a key types a character (a letter, digit, punctuation, symbol or space) rather than
 * naming a key such as ArrowLeft or Home. `KeyboardEvent.key` is the character itself for the
 * former and a multi-letter name for the latter.
 *
 * These are the shortcuts WCAG 2.1.4 (Character Key Shortcuts) asks to be able to switch off:
 * speech input types them, and a stray keystroke fires them. Space counts, as it types a
 * character like the others; arrows, Home and End do not, so they keep working.
 * https://www.w3.org/WAI/WCAG22/Understanding/character-key-shortcuts.html
 */
export function isCharacterKey(key: string): boolean {
  return [...key].length === 1;
}

/** What a key does, or null. `key` is `KeyboardEvent.key`; with character keys off, those do nothing. */
export function shortcutFor(key: string, { characterKeys }: ShortcutOptions): ShortcutAction | null {
  const character = isCharacterKey(key);
  if (character && !characterKeys) return null;
  const wanted = character ? key.toLowerCase() : key;
  return SHORTCUTS.find((shortcut) => shortcut.keys.some((candidate) => candidate.key === wanted))?.action ?? null;
}

/** The labels of the shortcut keys that type a character (when `characterKeys` is true) or do not. */
export function shortcutKeyLabels(characterKeys: boolean): string[] {
  return SHORTCUTS.flatMap<ShortcutKey>((shortcut) => shortcut.keys)
    .filter((candidate) => isCharacterKey(candidate.key) === characterKeys)
    .map((candidate) => candidate.label);
}

/** Elements that own their keys: typing in a field, moving a slider or radio, pressing a button. */
export function ownsKey(
  target: { tagName?: string; isContentEditable?: boolean; getAttribute?: (name: string) => string | null } | null,
  key: string,
): boolean {
  if (!target?.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  // Space activates a focused button, link, tab or switch natively; don't also step. A control
  // that is unavailable (aria-disabled: it keeps focus) does nothing with it, so the page may.
  const role = target.getAttribute?.('role');
  const unavailable = target.getAttribute?.('aria-disabled') === 'true';
  if (key === ' ' && !unavailable && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'tab' || role === 'switch'))
    return true;
  // Arrow keys move between tabs.
  if ((key === 'ArrowLeft' || key === 'ArrowRight') && role === 'tab') return true;
  return false;
}
