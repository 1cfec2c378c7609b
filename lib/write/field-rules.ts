import type { Finding } from './findings';
import { dataOf, FIELD_NAMES, type Block, type BlockLine } from './lines';
import { pyEscape } from './yields';

/**
 * Rules about the fields of one block, each following a step of "process the field" (HTML §9.2.6,
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#processField): field names are
 * compared literally (no case folding); `event`, `data`, `id` and `retry` are the only names; any
 * other field is ignored; a line without a colon is a field named by the whole line, with an empty value.
 */

/** Where a line was written: the finding's yield and source line. */
export type Place = (offset: number) => { yieldIndex: number; line: number };

/** What a line is, as text a student recognises: its content with its end of line, Python-escaped. */
const shown = (line: BlockLine) => pyEscape(line.text + line.eol);

/** How a JSON value starts: a data payload starting so is meant as JSON. */
const LOOKS_LIKE_JSON = /^\s*[[{]/;

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A field the browser ignores because the spec has no field of that name. */
function isIgnoredField(line: BlockLine): boolean {
  return line.meaning.kind === 'field' && !(FIELD_NAMES as readonly string[]).includes(line.meaning.name);
}

/** All findings about the fields of `block`. */
export function fieldFindings(block: Block, place: Place): Finding[] {
  const findings: Finding[] = [];
  const split = jsonSplit(block, place);
  if (split) findings.push(split.finding);
  else findings.push(...jsonMultiline(block, place));
  for (const line of block.lines) {
    if (split?.lines.includes(line)) continue;
    const finding = fieldFinding(line, block, place);
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * `json-split`: a data line opens JSON and the lines that continue it have no `data:`, so they are
 * ignored fields (`  "a": 1` is a field named `  "a"`; `}` a field named `}`) and the data is cut.
 */
function jsonSplit(block: Block, place: Place): { finding: Finding; lines: BlockLine[] } | null {
  const opening = block.dataLines.find((line) => line.meaning.kind === 'field' && LOOKS_LIKE_JSON.test(line.meaning.value));
  if (!opening) return null;
  const lines = block.lines.slice(block.lines.indexOf(opening) + 1).filter(isIgnoredField);
  if (lines.length === 0) return null;
  const data = dataOf(block);
  if (parsesAsJson(data)) return null;
  const last = lines.at(-1)!;
  const text = pyEscape(
    block.lines
      .slice(block.lines.indexOf(opening), block.lines.indexOf(last) + 1)
      .map((l) => l.text + l.eol)
      .join(''),
  );
  return {
    lines,
    finding: {
      rule: 'json-split',
      severity: 'error',
      ...place(opening.start),
      bytes: text,
      message:
        `Your JSON goes on over ${lines.length === 1 ? 'a line' : `${lines.length} lines`} without "data:", and the browser ignores ${lines.length === 1 ? 'it' : 'them'}. ` +
        `The data it dispatches is "${pyEscape(data)}", which JSON.parse cannot read.`,
      fix: 'Send the JSON on one line: yield f"data: {json.dumps(value)}\\n\\n" (json.dumps writes no line breaks unless you pass indent), or start every line with "data: ".',
    },
  };
}

/** `json-multiline` (info): JSON over several `data:` lines is valid; the browser joins them with LF. */
function jsonMultiline(block: Block, place: Place): Finding[] {
  if (!block.dispatches || block.dataLines.length < 2) return [];
  const data = dataOf(block);
  if (!LOOKS_LIKE_JSON.test(data) || !parsesAsJson(data)) return [];
  return [
    {
      rule: 'json-multiline',
      severity: 'info',
      ...place(block.dataLines[0]!.start),
      bytes: pyEscape(block.dataLines.map((line) => line.text + line.eol).join('')),
      message: `Your JSON is on ${block.dataLines.length} "data:" lines. The browser joins them with \\n into one message, and JSON.parse still reads it.`,
    },
  ];
}

/** The finding for one line of a block, if it has one. */
function fieldFinding(line: BlockLine, block: Block, place: Place): Finding | null {
  const { meaning } = line;
  if (meaning.kind !== 'field') return null;
  const at = { ...place(line.start), bytes: shown(line) };
  const nothing = block.dataLines.length === 0 && block.blank ? ' Nothing is dispatched for this frame.' : '';
  switch (meaning.name) {
    case 'event':
      if (!block.dispatches || block.type === 'message' || meaning.value !== block.type) return null;
      return {
        rule: 'named-event',
        severity: 'info',
        ...at,
        message: `This event's type is "${meaning.value}", so onmessage never sees it: onmessage only gets events of type "message".`,
        fix: `Listen for it with source.addEventListener('${meaning.value}', (event) => …), or leave out the event: line.`,
      };
    case 'data':
      if (!meaning.value.startsWith(' ')) return null;
      return {
        rule: 'data-leading-space',
        severity: 'info',
        ...at,
        message: `The browser removes exactly one space after "data:", so this data starts with ${meaning.value.length - meaning.value.trimStart().length === 1 ? 'a space' : 'spaces'}: "${pyEscape(meaning.value)}".`,
      };
    case 'id':
      if (!meaning.value.includes('\0')) return null;
      return {
        rule: 'id-with-null',
        severity: 'warning',
        ...at,
        message: 'This id contains a NUL character (\\x00), so the browser ignores the whole id: lastEventId keeps its previous value.',
        fix: 'Use an id without \\x00, such as a number.',
      };
    case 'retry':
      if (/^[0-9]+$/.test(meaning.value)) return null;
      return {
        rule: 'retry-not-digits',
        severity: 'warning',
        ...at,
        message: `retry must be only the digits 0-9 (milliseconds), so the browser ignores "${pyEscape(meaning.value)}" and keeps its reconnection delay.`,
        fix: 'Write the delay in whole milliseconds: retry: 3000',
      };
    default:
      return meaning.colon ? unknownField(meaning.name, at, nothing) : noFieldName(line.text, at, nothing);
  }
}

type At = Pick<Finding, 'yieldIndex' | 'line' | 'bytes'>;

/** `no-field-name`: a line without a colon is all field name, and no field has that name. */
function noFieldName(text: string, at: At, nothing: string): Finding {
  return {
    rule: 'no-field-name',
    severity: 'error',
    ...at,
    message: `This line has no "data:", so the browser reads all of "${pyEscape(text)}" as a field name, finds no field called that, and ignores the line.${nothing}`,
    fix: `Start the line with "data: ": data: ${pyEscape(text)}`,
  };
}

/** `unknown-field`: a field name that is not event, data, id or retry (names are case-sensitive). */
function unknownField(name: string, at: At, nothing: string): Finding {
  const meant = meantName(name);
  return {
    rule: 'unknown-field',
    severity: 'error',
    ...at,
    message:
      `The browser ignores the field "${pyEscape(name)}": the only field names are event, data, id and retry, ` +
      `written exactly so (they are case-sensitive).${nothing}`,
    ...(meant ? { fix: `Write "${meant}:" exactly, in lowercase with nothing before the colon.` } : {}),
  };
}

/** The field name a student probably meant: the same letters in another case or with spaces, or one or two letters off. */
function meantName(name: string): string | undefined {
  const plain = name.replace(/[\s\uFEFF]/g, '').toLowerCase();
  return (
    FIELD_NAMES.find((known) => known === plain) ??
    FIELD_NAMES.find((known) => known.length > 2 && editDistance(known, plain) <= (known.length > 4 ? 2 : 1))
  );
}

/** Levenshtein distance, for short field names only. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}
