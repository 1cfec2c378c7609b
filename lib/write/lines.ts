/**
 * The event stream's lines and blocks, as the WHATWG "event stream interpretation" reads them
 * (HTML §9.2.6, https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation),
 * kept with their offsets so each finding can point at the yield that wrote it.
 *
 * This is not a second reader: what a browser dispatches comes from lib/sse's `parseSse`
 * (lib/write/frame-rules.ts). These lines and blocks are for explaining *why*; a property test
 * checks that they agree with the reader on any text.
 */

/** One line of the stream: its content and how it ended. */
export interface StreamLine {
  /** Offset in the wire text of the line's first character. */
  start: number;
  /** The line without its end of line. */
  text: string;
  /** CRLF, LF or a lone CR each end a line; '' when the stream stopped inside the line. */
  eol: '\r\n' | '\n' | '\r' | '';
}

/** The field names the spec knows, compared literally: no case folding. */
export const FIELD_NAMES = ['event', 'data', 'id', 'retry'] as const;

/** What a non-blank line means, per the spec's line rules. */
export type LineMeaning =
  | { kind: 'comment' }
  /** `colon` false: the spec takes the whole line as the field name, with an empty value. */
  | { kind: 'field'; name: string; value: string; colon: boolean };

/** Splits `text` from offset `from` into lines: CRLF, LF, and a CR not followed by LF each end one. */
export function splitLines(text: string, from = 0): StreamLine[] {
  const lines: StreamLine[] = [];
  const ends = /\r\n|\n|\r/g;
  ends.lastIndex = from;
  let start = from;
  for (let match = ends.exec(text); match; match = ends.exec(text)) {
    lines.push({ start, text: text.slice(start, match.index), eol: match[0] as StreamLine['eol'] });
    start = ends.lastIndex;
  }
  if (start < text.length) lines.push({ start, text: text.slice(start), eol: '' });
  return lines;
}

/** The meaning of a non-blank line: a comment, or a field split at its first colon, one leading space removed from the value. */
export function meaningOf(line: string): LineMeaning {
  if (line.startsWith(':')) return { kind: 'comment' };
  const colon = line.indexOf(':');
  if (colon === -1) return { kind: 'field', name: line, value: '', colon: false };
  const value = line.slice(colon + 1);
  return { kind: 'field', name: line.slice(0, colon), value: value.startsWith(' ') ? value.slice(1) : value, colon: true };
}

/** A non-blank line of a block, with its meaning. */
export interface BlockLine extends StreamLine {
  meaning: LineMeaning;
}

/** The lines between two blank lines: what one dispatch of the browser takes in. */
export interface Block {
  lines: BlockLine[];
  /** The blank line that ended the block; null when the stream ended first (the block is then discarded). */
  blank: StreamLine | null;
  /** The lines that set the data buffer (field `data`). */
  dataLines: BlockLine[];
  /** True when the browser dispatches an event for this block: it ended with a blank line and has a `data` field. */
  dispatches: boolean;
  /** The event's type: the last `event` field's value, or "message" when none was set or it was empty. */
  type: string;
  /** The event source's last event ID when the block ended: set by the last valid `id` field so far, in any block. */
  lastEventId: string;
}

/**
 * Groups the lines into blocks and follows the spec's buffers: an `id` without U+0000 sets the last
 * event ID (it is never reset by a dispatch), `event` sets the type. Runs of blank lines make no blocks.
 */
export function readBlocks(lines: readonly StreamLine[]): Block[] {
  const blocks: Block[] = [];
  let current: BlockLine[] = [];
  let lastEventId = '';
  const close = (blank: StreamLine | null) => {
    if (current.length === 0) return;
    const dataLines = current.filter((line) => isField(line.meaning, 'data'));
    const typeLine = current.filter((line) => isField(line.meaning, 'event')).at(-1);
    const type = typeLine?.meaning.kind === 'field' && typeLine.meaning.value !== '' ? typeLine.meaning.value : 'message';
    blocks.push({ lines: current, blank, dataLines, dispatches: blank !== null && dataLines.length > 0, type, lastEventId });
    current = [];
  };
  for (const line of lines) {
    if (line.text === '' && line.eol !== '') {
      close(line);
      continue;
    }
    const meaning = meaningOf(line.text);
    if (meaning.kind === 'field' && meaning.name === 'id' && !meaning.value.includes('\0')) lastEventId = meaning.value;
    current.push({ ...line, meaning });
  }
  close(null);
  return blocks;
}

/** Whether a line's meaning is the field `name` (exactly, as the spec compares). */
export function isField(meaning: LineMeaning, name: (typeof FIELD_NAMES)[number]): boolean {
  return meaning.kind === 'field' && meaning.name === name;
}

/** The data a dispatched block carries: its `data` values joined with LF (the spec's data buffer without its last LF). */
export function dataOf(block: Block): string {
  return block.dataLines.map((line) => (line.meaning.kind === 'field' ? line.meaning.value : '')).join('\n');
}
