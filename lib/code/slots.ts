/** One highlighted run of text; `style` holds its colour, a palette variable such as `var(--shiki-token-keyword)`. */
export interface CodeToken {
  text: string;
  style?: Record<string, string>;
}

/** Text that replaces columns [start, end) of a line, styled like the token where it starts. */
export interface SlotFill {
  start: number;
  end: number;
  text: string;
}

/**
 * Replaces slots in a highlighted line with new text, keeping every other token as highlighted.
 * This is how server-highlighted code follows parameters typed in the browser without shipping a
 * highlighter: the server highlights once, the client swaps the slot text.
 */
export function fillSlots(tokens: readonly CodeToken[], fills: readonly SlotFill[]): CodeToken[] {
  if (fills.length === 0) return tokens.slice();
  const sorted = [...fills].sort((a, b) => a.start - b.start);
  const out: CodeToken[] = [];
  let column = 0;
  let fillIndex = 0;
  for (const token of tokens) {
    const tokenEnd = column + token.text.length;
    let cursor = column;
    while (cursor < tokenEnd) {
      const fill = sorted[fillIndex];
      if (fill && cursor >= fill.start) {
        if (cursor === fill.start) out.push({ text: fill.text, style: token.style });
        const skipTo = Math.min(fill.end, tokenEnd);
        cursor = skipTo;
        if (skipTo === fill.end) fillIndex += 1;
        continue;
      }
      const stop = fill ? Math.min(fill.start, tokenEnd) : tokenEnd;
      out.push({ text: token.text.slice(cursor - column, stop - column), style: token.style });
      cursor = stop;
    }
    column = tokenEnd;
  }
  return out.filter((token) => token.text.length > 0);
}
