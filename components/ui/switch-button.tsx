'use client';

import { ActionButton } from './action-button';

export interface SwitchButtonProps {
  on: boolean;
  onToggle: (on: boolean) => void;
  /** The id of the element that names the switch (a visible label beside it). */
  labelledBy: string;
  /** The id of the element that says what the switch does. */
  describedBy: string;
  /** True while it cannot be switched: it says so and keeps its place in the tab order. */
  unavailable?: boolean;
}

/** An on/off switch (`role="switch"`), drawn as a thumb in a track with its state in words. */
export function SwitchButton({ on, onToggle, labelledBy, describedBy, unavailable }: SwitchButtonProps) {
  return (
    <ActionButton
      type="button"
      role="switch"
      aria-checked={on}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`switch ${on ? 'switch-on' : ''}`}
      onClick={() => onToggle(!on)}
      unavailable={unavailable}
    >
      <span className="switch-thumb" aria-hidden="true" />
      <span className="switch-text">{on ? 'On' : 'Off'}</span>
    </ActionButton>
  );
}
