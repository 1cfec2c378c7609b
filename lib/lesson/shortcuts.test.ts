import { describe, expect, it } from 'vitest';
import { ownsKey, shortcutFor } from './shortcuts';

const element = (tagName: string, role: string | null = null, isContentEditable = false) => ({
  tagName,
  isContentEditable,
  getAttribute: (name: string) => (name === 'role' ? role : null),
});

describe('keyboard shortcuts', () => {
  it('map Space and → to next, ← to back, Home, End, R, P and ?', () => {
    expect([' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End', 'r', 'R', 'p', 'P', '?', 'x'].map(shortcutFor)).toEqual([
      'next', 'next', 'back', 'home', 'end', 'reset', 'reset', 'present', 'present', 'help', null,
    ]);
  });

  it('never fire while typing in a field', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(ownsKey(element(tag), 'r')).toBe(true);
    expect(ownsKey(element('DIV', null, true), 'p')).toBe(true);
  });

  it('leave Space to a focused button or switch, and arrows to tabs', () => {
    expect(ownsKey(element('BUTTON'), ' ')).toBe(true);
    expect(ownsKey(element('BUTTON', 'switch'), ' ')).toBe(true);
    expect(ownsKey(element('BUTTON', 'tab'), 'ArrowRight')).toBe(true);
    expect(ownsKey(element('BUTTON'), 'ArrowRight')).toBe(false);
    expect(ownsKey(element('BODY'), ' ')).toBe(false);
  });
});
