import 'server-only';
import { codeToTokens, type BundledLanguage } from 'shiki';
import type { CodeToken } from './slots';

/** Highlighted code by language and text: pages render per request, the code shown never changes. */
const cache = new Map<string, Promise<CodeToken[][]>>();

/**
 * Highlights code on the server, line by line, as inline styles carrying a light and a dark
 * colour (`--shiki-dark`), so the browser gets coloured text and no highlighter.
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
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: 'light',
  });
  return tokens.map((line) => line.map((token) => ({ text: token.content, style: token.htmlStyle })));
}
