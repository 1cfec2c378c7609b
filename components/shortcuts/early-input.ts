/** What was pressed before the shortcuts' code arrived. */
export interface EarlyInput {
  keys: KeyboardEvent[];
  /** The button was clicked: open the list when the code arrives. */
  help: boolean;
}

/**
 * What the page hands the shortcuts' code when it arrives. A module of its own: the page's half
 * (keyboard-shortcuts.tsx) loads that code with a dynamic `import()`, so neither may import the other.
 */
export interface ShortcutsToolbarProps {
  /** What was pressed before this code arrived (keys, a click on the button), handed over once. */
  takeEarly: () => EarlyInput;
}
