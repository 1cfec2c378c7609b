/**
 * What a student's Flask generator yielded, and the bytes those yields put on the wire.
 *
 * Flask encodes a yielded `str` as UTF-8 and passes `bytes` through; anything else stops the
 * response at that yield (see `firstNotText`), so the wire is the concatenation of the text
 * yields before the first that is not text.
 */

/** One value a generator yielded, as the runner reports it from Python. */
export type YieldValue =
  | { kind: 'str'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  /** Anything else: `pythonType` is `type(value).__name__` (`int`, `dict`, `NoneType`, `bytearray`…), `repr` is `repr(value)`. */
  | { kind: 'other'; pythonType: string; repr: string };

/** One yield of a run: its position among the yields, the student's source line of the `yield`, its value, and when (ms from the request). */
export interface YieldRecord {
  index: number;
  line: number;
  value: YieldValue;
  atMs: number;
}

/** The text the browser decodes from the yields, and which yield each part of it came from. */
export interface WireText {
  /**
   * The stream as UTF-8 decoded text, a leading U+FEFF kept (the reader strips one; so do the rules
   * that need to). A character split between two yields belongs to the second.
   */
  text: string;
  /** For each yield that reached the wire, in order: the offset in `text` where its text starts. */
  starts: readonly number[];
  /** The yields that reached the wire (those before the first that is not text). */
  sent: readonly YieldRecord[];
}

const utf8 = new TextEncoder();

/** The bytes a text yield puts on the wire, as Flask writes them; null for a value Flask cannot send. */
export function bytesOf(value: YieldValue): Uint8Array | null {
  if (value.kind === 'str') return utf8.encode(value.text);
  if (value.kind === 'bytes') return value.bytes;
  return null;
}

/** The index in `yields` of the first value that is not `str`/`bytes`, or -1 when all are text. */
export function firstNotText(yields: readonly YieldRecord[]): number {
  return yields.findIndex((record) => record.value.kind === 'other');
}

/**
 * Decodes the yields that reach the wire as one stream, remembering where each yield's text starts.
 * Decoding is streamed, so the text equals what a reader gets from the concatenated bytes
 * (invalid UTF-8 becomes U+FFFD, as the WHATWG "UTF-8 decode" does).
 */
export function wireText(yields: readonly YieldRecord[]): WireText {
  const cut = firstNotText(yields);
  const sent = cut === -1 ? yields : yields.slice(0, cut);
  // ignoreBOM keeps a leading U+FEFF in the text, so the `bom` rule can see it and point at its yield.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const starts: number[] = [];
  let text = '';
  for (const record of sent) {
    starts.push(text.length);
    text += decoder.decode(bytesOf(record.value) ?? new Uint8Array(), { stream: true });
  }
  text += decoder.decode();
  return { text, starts, sent };
}

/** The index into `starts` of the yield whose text holds offset `at` (the last yield starting at or before it). */
export function yieldAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Where offset `at` of the wire text was written: the yield's index and the student's source line. */
export function placeAt(wire: WireText, at: number): { yieldIndex: number; line: number } {
  const record = wire.sent[yieldAt(wire.starts, at)]!;
  return { yieldIndex: record.index, line: record.line };
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** What Python's `str.isprintable` refuses (other than the space): controls, format characters, separators, unassigned. */
const NOT_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/**
 * Text escaped for display as Python's `repr` escapes it, without the quotes: a newline shows as
 * `\n`, a carriage return as `\r`, other characters Python cannot print as `\xNN`, `\uNNNN` or
 * `\UNNNNNNNN` (so U+FEFF shows as `\ufeff`).
 */
export function pyEscape(text: string): string {
  let out = '';
  for (const char of text) {
    const escape = ESCAPES[char];
    const code = char.codePointAt(0)!;
    if (escape) out += escape;
    else if (char === ' ' || !NOT_PRINTABLE.test(char)) out += char;
    else if (code < 0x100) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out;
}

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');
