/** The keyboard shortcuts, as the help overlay lists them and the handler reads them. */
export const SHORTCUTS = [
  { keys: ['Space', '→'], action: 'next', description: 'Next step: a recorded row, the server’s next frame in step mode, or Run' },
  { keys: ['←'], action: 'back', description: 'Back one step' },
  { keys: ['Home'], action: 'home', description: 'First step' },
  { keys: ['End'], action: 'end', description: 'Last step (follow the live stream)' },
  { keys: ['R'], action: 'reset', description: 'Reset the run' },
  { keys: ['P'], action: 'present', description: 'Presenter mode on or off' },
  { keys: ['?'], action: 'help', description: 'Show or hide this list' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** What a key does, or null. `key` is `KeyboardEvent.key`. */
export function shortcutFor(key: string): ShortcutAction | null {
  switch (key) {
    case ' ':
    case 'ArrowRight':
      return 'next';
    case 'ArrowLeft':
      return 'back';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    case 'r':
    case 'R':
      return 'reset';
    case 'p':
    case 'P':
      return 'present';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Elements that own their keys: typing in a field, moving a slider or radio, pressing a button. */
export function ownsKey(target: { tagName?: string; isContentEditable?: boolean; getAttribute?: (name: string) => string | null } | null, key: string): boolean {
  if (!target?.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  // Space activates a focused button, link, tab or switch natively; don't also step.
  const role = target.getAttribute?.('role');
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'tab' || role === 'switch')) return true;
  // Arrow keys move between tabs.
  if ((key === 'ArrowLeft' || key === 'ArrowRight') && role === 'tab') return true;
  return false;
}
