import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(path.join(__dirname, 'palette.css'), 'utf8');

/** The custom properties set in the rule that starts at `start` (the next `{ … }` after it). */
function declarations(start: number): Record<string, string> {
  const open = CSS.indexOf('{', start);
  const close = CSS.indexOf('}', open);
  const entries = [...CSS.slice(open + 1, close).matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(([, name, value]) => [name!, value!.trim()]);
  return Object.fromEntries(entries);
}

/** The four palettes, each laid over the one it refines, as the cascade does. */
function palettes() {
  const rootAt = CSS.indexOf(':root {');
  const darkAt = CSS.indexOf(':root {', CSS.indexOf('@media (prefers-color-scheme: dark)'));
  const presenterAt = CSS.indexOf(':root:has(.lesson-frame[data-presenting]) {');
  const presenterDarkAt = CSS.indexOf(
    ':root:has(.lesson-frame[data-presenting]) {',
    CSS.lastIndexOf('@media (prefers-color-scheme: dark)'),
  );
  const light = declarations(rootAt);
  const dark = { ...light, ...declarations(darkAt) };
  const presenter = { ...light, ...declarations(presenterAt) };
  const presenterDark = { ...dark, ...presenter, ...declarations(presenterDarkAt) };
  return { light, dark, presenter, presenterDark };
}

/** Follows `var(--x)` to a colour. */
function resolve(palette: Record<string, string>, value: string): string {
  const reference = /^var\((--[\w-]+)\)$/.exec(value);
  return reference ? resolve(palette, palette[reference[1]!]!) : value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Text colours, and every background text sits on somewhere on the page. */
const TEXT = [
  '--text',
  '--muted',
  '--accent',
  '--open',
  '--error',
  '--connecting',
  '--shiki-token-keyword',
  '--shiki-token-string',
  '--shiki-token-function',
  '--shiki-token-constant',
  '--shiki-token-comment',
  '--shiki-token-parameter',
];
const BACKGROUNDS = ['--bg', '--surface', '--code-bg', '--current', '--flash', '--accent-soft', '--highlight'];
/** Text on a filled background: the connection badge, the primary button. */
const FILLED = [
  ['--badge-text', '--open'],
  ['--badge-text', '--closed'],
  ['--badge-text', '--error'],
  ['--badge-text', '--connecting'],
  ['--accent-text', '--accent'],
];

function failures(palette: Record<string, string>, minimum: number): string[] {
  const pairs = [...TEXT.flatMap((text) => BACKGROUNDS.map((background) => [text, background])), ...FILLED];
  return pairs
    .map(([text, background]) => ({
      text,
      background,
      ratio: contrast(resolve(palette, palette[text!]!), resolve(palette, palette[background!]!)),
    }))
    .filter(({ ratio }) => ratio < minimum)
    .map(({ text, background, ratio }) => `${text} on ${background}: ${ratio.toFixed(2)}:1`);
}

describe('the palette', () => {
  const { light, dark, presenter, presenterDark } = palettes();

  it('defines every colour in every scheme as #rrggbb', () => {
    for (const palette of [light, dark, presenter, presenterDark]) {
      for (const name of [...TEXT, ...BACKGROUNDS, '--badge-text', '--accent-text', '--closed']) {
        expect(resolve(palette, palette[name]!), name).toMatch(/^#[0-9a-f]{6}$/);
      }
    }
  });

  it('gives the page, light and dark, at least 4.5:1 for every text on every background (WCAG AA)', () => {
    expect(failures(light, 4.5)).toEqual([]);
    expect(failures(dark, 4.5)).toEqual([]);
  });

  it('gives presenter mode, light and dark, at least 7:1 (WCAG AAA) for a projector', () => {
    expect(failures(presenter, 7)).toEqual([]);
    expect(failures(presenterDark, 7)).toEqual([]);
  });

  it('can tell a failing pair: GitHub light’s keyword red on the code box is below AA', () => {
    expect(contrast('#d73a49', '#fbfbfc')).toBeLessThan(4.5);
  });
});
