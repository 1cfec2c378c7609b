import { describe, expect, it } from 'vitest';
import { characterKeysFromSaved, savedFromCharacterKeys } from './shortcut-setting';
import { isCharacterKey, ownsKey, shortcutFor, shortcutKeyLabels } from './shortcuts';

const element = (tagName: string, role: string | null = null, isContentEditable = false) => ({
  tagName,
  isContentEditable,
  getAttribute: (name: string) => (name === 'role' ? role : null),
});

const ALL_KEYS = [' ', 'ArrowRight', 'ArrowLeft', 'Home', 'End', 'r', 'R', 'p', 'P', '?', 'x', 'Enter', 'Escape'];

describe('keyboard shortcuts', () => {
  it('map Space and → to next, ← to back, Home, End, R, P and ?', () => {
    expect(ALL_KEYS.map((key) => shortcutFor(key, { characterKeys: true }))).toEqual([
      'next',
      'next',
      'back',
      'home',
      'end',
      'reset',
      'reset',
      'present',
      'present',
      'help',
      null,
      null,
      null,
    ]);
  });

  it('with character keys off, leave Space, R, P and ? alone and keep the arrows, Home and End', () => {
    expect(ALL_KEYS.map((key) => shortcutFor(key, { characterKeys: false }))).toEqual([
      null,
      'next',
      'back',
      'home',
      'end',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('count a key as a character key when it types one character, space included', () => {
    expect([' ', 'r', '?', '7', 'é', '😀'].every(isCharacterKey)).toBe(true);
    expect(['ArrowLeft', 'Home', 'End', 'Enter', 'Escape', 'F1', ''].some(isCharacterKey)).toBe(false);
  });

  it('name the switchable keys and the ones that always work, for the help text', () => {
    expect(shortcutKeyLabels(true)).toEqual(['Space', 'R', 'P', '?']);
    expect(shortcutKeyLabels(false)).toEqual(['→', '←', 'Home', 'End']);
  });

  it('read a saved "off" as off, and a missing or corrupt value as on', () => {
    expect(characterKeysFromSaved(savedFromCharacterKeys(false))).toBe(false);
    expect(characterKeysFromSaved(savedFromCharacterKeys(true))).toBe(true);
    for (const saved of [null, '', 'OFF', 'false', '{"on":false}', 'off ']) expect(characterKeysFromSaved(saved)).toBe(true);
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

  it('let Space through a focused control that is unavailable (aria-disabled), which would do nothing with it', () => {
    const unavailable = (role: string | null) => ({
      tagName: 'BUTTON',
      getAttribute: (name: string) => (name === 'role' ? role : name === 'aria-disabled' ? 'true' : null),
    });
    expect(ownsKey(unavailable(null), ' ')).toBe(false);
    expect(ownsKey(unavailable('switch'), ' ')).toBe(false);
  });
});
