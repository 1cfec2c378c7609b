'use client';

import { loadAfterHydration } from './load-after-hydration';

/*
 * The toolbar's Copy link and Keyboard shortcuts load just after the page is interactive: the
 * stage comes first. Until then the same buttons stand in, so nothing on screen moves.
 */

export const LazyCopyLinkButton = loadAfterHydration(
  () => import('./copy-link-button').then((module) => module.CopyLinkButton),
  <span className="copy-link">
    <button type="button" className="button button-small" aria-label="Copy link to this step">
      <span className="label-wide">Copy link to this step</span>
      <span className="label-narrow">Copy link</span>
    </button>
  </span>,
);

export const LazyKeyboardShortcuts = loadAfterHydration(
  () => import('./keyboard-shortcuts').then((module) => module.KeyboardShortcuts),
  <button type="button" className="button button-small shortcuts-button" aria-keyshortcuts="?" aria-label="Keyboard shortcuts (?)">
    <span className="label-wide">Keyboard shortcuts (?)</span>
    <span className="label-narrow">Shortcuts</span>
  </button>,
);
