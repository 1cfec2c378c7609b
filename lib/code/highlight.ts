import 'server-only';
import { codeToTokens, type BundledLanguage } from 'shiki';
import type { CodeToken } from './slots';

/**
 * Highlights code on the server, line by line, as inline styles carrying a light and a dark
 * colour (`--shiki-dark`), so the browser gets coloured text and no highlighter.
 */
export async function highlightLines(code: string, lang: BundledLanguage): Promise<CodeToken[][]> {
  const { tokens } = await codeToTokens(code, {
    lang,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: 'light',
  });
  return tokens.map((line) => line.map((token) => ({ text: token.content, style: token.htmlStyle })));
}
