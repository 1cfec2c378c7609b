'use client';

import type { ButtonHTMLAttributes, MouseEvent } from 'react';

export interface ActionButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  /** True when the action cannot happen now: the button says so but keeps its place in the tab order. */
  unavailable?: boolean;
}

/**
 * A button that is made unavailable with `aria-disabled`, never `disabled`.
 * WARNING: a focused button that gains `disabled` drops focus to `<body>` (Run, Stop, the last
 * Step, Home at step 1, Check all disable themselves when pressed), so a keyboard user would be
 * thrown back to the top of the page. `aria-disabled` keeps focus where it was; clicks (and the
 * form submission of a submit button) are swallowed here instead.
 */
export function ActionButton({ unavailable = false, onClick, className, ...rest }: ActionButtonProps) {
  function onButtonClick(event: MouseEvent<HTMLButtonElement>) {
    if (unavailable) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return <button {...rest} className={className} aria-disabled={unavailable || undefined} onClick={onButtonClick} />;
}
