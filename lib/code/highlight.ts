import 'server-only';
import { codeToTokens, createCssVariablesTheme, type BundledLanguage } from 'shiki';
import type { CodeToken } from './slots';

/** Highlighted code by language and text: pages render per request, the code shown never changes. */
const cache = new Map<string, Promise<CodeToken[][]>>();

/**
 * Token colours are CSS variables (`--shiki-token-keyword`…), set in `app/styles/palette.css`
 * for each scheme: the light and dark page meet WCAG AA (4.5:1) and presenter mode AAA (7:1)
 * on every background a line can have, including the executing line's. A theme's fixed colours
 * could not follow presenter mode, and GitHub's light keyword red is 4.42:1 on our code box.
 */
const PALETTE_THEME = createCssVariablesTheme({ name: 'stepstream-palette', variablePrefix: '--shiki-', fontStyle: true });

/**
 * Highlights code on the server, line by line, as inline styles that name the palette's
 * variables, so the browser gets coloured text and no highlighter.
 */
export function highlightLines(code: string, lang: BundledLanguage): Promise<CodeToken[][]> {
  const key = `${lang}\0${code}`;
  let lines = cache.get(key);
  if (!lines) {
    lines = tokenize(code, lang);
    cache.set(key, lines);
  }
  return lines;
}

async function tokenize(code: string, lang: BundledLanguage): Promise<CodeToken[][]> {
  const { tokens } = await codeToTokens(code, {
    lang,
    theme: PALETTE_THEME,
  });
  return tokens.map((line) => line.map((token) => ({ text: token.content, style: tokenStyle(token.color, token.fontStyle) })));
}

/** Shiki's `FontStyle` bit for italics (comments, in some grammars). */
const ITALIC = 1;

function tokenStyle(color: string | undefined, fontStyle: number | undefined): Record<string, string> | undefined {
  if (!color) return undefined;
  return (fontStyle ?? 0) & ITALIC ? { color, fontStyle: 'italic' } : { color };
}
