/**
 * How values are written in the seed's tables: Python's spelling, since the lesson is a Flask one.
 */

/** Shows text the way Python's repr shows a str in single quotes: `'data: Message 0\n\n'`. */
export function pythonStringLiteral(text: string): string {
  return `'${escapePythonText(text, "'")}'`;
}

/** Escapes text for the inside of a Python string literal delimited by `quote`. */
export function escapePythonText(text: string, quote: "'" | '"'): string {
  let out = '';
  for (const char of text) {
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char < ' ' || char === '\x7f') out += `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out;
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
