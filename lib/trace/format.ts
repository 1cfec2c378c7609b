/**
 * How values are written in the seed's tables: Python's spelling, since the lesson is a Flask one.
 */

/** Shows text the way Python's repr shows a str in single quotes: `'data: Message 0\n\n'`. */
export function pythonStringLiteral(text: string): string {
  return `'${escapePythonText(text, "'")}'`;
}

const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// Control characters are exactly what these look for: Python escapes them in a str's repr.
// eslint-disable-next-line no-control-regex
const SPECIAL_IN_SINGLE_QUOTES = /[\\'\x00-\x1f\x7f]/g;
// eslint-disable-next-line no-control-regex
const SPECIAL_IN_DOUBLE_QUOTES = /[\\"\x00-\x1f\x7f]/g;

/** Escapes text for the inside of a Python string literal delimited by `quote`. */
export function escapePythonText(text: string, quote: "'" | '"'): string {
  // One regex pass, not a loop per character: this runs for every row of a 10,000-frame trace.
  return text.replace(quote === "'" ? SPECIAL_IN_SINGLE_QUOTES : SPECIAL_IN_DOUBLE_QUOTES, (char) =>
    char === quote ? `\\${quote}` : (NAMED_ESCAPES[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`),
  );
}

/** Seconds as the seed writes them: `1`, `0`, `0.25`. */
export function formatSeconds(ms: number): string {
  return String(ms / 1000);
}

/** Python's `None` for a missing value. */
export function pythonValue(value: string | number | null): string {
  return value === null ? 'None' : String(value);
}

/** An arrival time for people: `+1.002 s`. */
export function formatArrival(atMs: number): string {
  return `+${(atMs / 1000).toFixed(3)} s`;
}
