import type { SlotFill } from '@/lib/code/slots';
import { splitLines } from '@/lib/sse/encode';
import { hasEventIds, type StreamEnd, type StreamParams } from '@/lib/contract/params';
import { escapePythonText, formatSeconds } from '@/lib/trace/format';

/** A place in a code line whose text follows the parameters. Columns are UTF-16 offsets. */
export interface CodeSlot {
  line: number;
  start: number;
  end: number;
  name: 'n' | 'template' | 'sleep' | 'retry';
}

/**
 * Where the generator is, as the code panel highlights it: the request arriving, the loop, a
 * yield and its sleep, the loop done, and the stream lab's endings (a final `event: end`, a 204).
 */
export type CodePosition = 'request' | 'start' | 'yield' | 'sleep' | 'end' | 'endEvent' | 'noContent';

/**
 * The shape of the Flask app for these parameters: the stream lab's options change its lines
 * (resuming from `Last-Event-ID` when frames carry ids, a `retry:` first, the endings), while
 * the range, the template and the sleep are slots in those lines.
 */
export interface FlaskVariant {
  resume: boolean;
  retry: boolean;
  end: StreamEnd;
}

export function flaskVariant(params: StreamParams): FlaskVariant {
  return { resume: hasEventIds(params), retry: params.retryMs !== undefined, end: params.end ?? 'close' };
}

export const flaskVariantKey = ({ resume, retry, end }: FlaskVariant) =>
  `${resume ? 'ids' : 'no-ids'}/${retry ? 'retry' : 'no-retry'}/${end}`;

/** Every shape the app can take (`end=204` always has ids). */
export const FLASK_VARIANTS: readonly FlaskVariant[] = [false, true].flatMap((retry) =>
  (['close', 'event', '204'] as const).flatMap((end) =>
    [false, true].filter((resume) => resume || end !== '204').map((resume) => ({ resume, retry, end })),
  ),
);

const SLOT = /⟨(n|template|sleep|retry)⟩/g;

/** A line of the app, with ⟨…⟩ marking its parameters and the positions it lights up. */
interface SourceLine {
  text: string;
  positions?: CodePosition[];
  /** One of the lines an ending (`end=event`, `end=204`) adds, with what it needs. */
  ending?: true;
}

/** The seed's Flask example, with the lines the stream lab's options add, each the bytes our server sends. */
function flaskLines({ resume, retry, end }: FlaskVariant): SourceLine[] {
  return [
    { text: resume ? 'from flask import Flask, Response, request' : 'from flask import Flask, Response' },
    { text: 'import time' },
    { text: '' },
    { text: 'app = Flask(__name__)' },
    { text: '' },
    { text: "@app.route('/stream')" },
    { text: 'def stream():' },
    // A reconnect names the last id it got; the generator resumes after it.
    ...(resume ? [{ text: "    start = int(request.headers.get('Last-Event-ID', -1)) + 1", ending: end === '204' || undefined }] : []),
    ...(end === '204'
      ? [
          { text: '    if start == ⟨n⟩:', ending: true as const },
          { text: '        return Response(status=204)', positions: ['noContent' as const], ending: true as const },
        ]
      : []),
    { text: '    def event_stream():' },
    ...(retry ? [{ text: "        yield 'retry: ⟨retry⟩\\n\\n'" }] : []),
    { text: resume ? '        for i in range(start, ⟨n⟩):' : '        for i in range(⟨n⟩):', positions: ['start', 'end'] },
    {
      text: resume ? "            yield f'id: {i}\\ndata: ⟨template⟩\\n\\n'" : "            yield f'data: ⟨template⟩\\n\\n'",
      positions: ['yield'],
    },
    { text: '            time.sleep(⟨sleep⟩)', positions: ['sleep'] },
    ...(end === 'event'
      ? [{ text: "        yield 'event: end\\ndata: done\\n\\n'", positions: ['endEvent' as const], ending: true as const }]
      : []),
    { text: "    return Response(event_stream(), mimetype='text/event-stream')", positions: ['request'] },
  ];
}

/** Lone UTF-16 surrogates: not text Python can hold; the stream's UTF-8 encoder sends each as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of the template as the literal text of a Python f-string: braces doubled except the `{i}` field. */
function fStringText(line: string): string {
  return line
    .replace(LONE_SURROGATE, '\uFFFD')
    .split('{i}')
    .map((part) => escapePythonText(part, "'").replaceAll('{', '{{').replaceAll('}', '}}'))
    .join('{i}');
}

/**
 * The template as it sits inside `f'data: ⟨template⟩\n\n'`.
 *
 * WARNING: a line break can't simply be escaped as `\n`: Flask would send the next line without
 * `data: `, and a browser drops a line it has no field for. The stream (`encodeEvent`) splits on CR,
 * LF or CRLF and sends one `data: ` line per piece, empty pieces included; so each piece here gets
 * its own `data: ` inside the same f-string, and one yield is still one frame. A single-line
 * template is the seed's own text.
 */
function templateSlotText(template: string): string {
  return splitLines(template).map(fStringText).join('\\ndata: ');
}

/** The text a parameter takes in the Python source. */
export function flaskSlotText(name: CodeSlot['name'], params: StreamParams): string {
  switch (name) {
    case 'n':
      return String(params.n);
    case 'sleep':
      return formatSeconds(params.delayMs);
    case 'template':
      return templateSlotText(params.template);
    case 'retry':
      return String(params.retryMs ?? 0);
  }
}

/** What replaces the slots of one line of a source to make this parameters' source. */
export function flaskSlotFills(slots: readonly CodeSlot[], line: number, params: StreamParams): SlotFill[] {
  return slots
    .filter((slot) => slot.line === line)
    .map((slot) => ({ start: slot.start, end: slot.end, text: flaskSlotText(slot.name, params) }));
}

/** The Flask app, run as shown, for these parameters: its code, where its parameters sit, and the line of each position. */
export interface FlaskSource {
  code: string;
  slots: CodeSlot[];
  positions: Partial<Record<CodePosition, number>>;
}

/** The Flask source for these parameters (its shape from the stream lab's options), line by line. */
export function flaskSource(params: StreamParams): FlaskSource {
  const slots: CodeSlot[] = [];
  const positions: Partial<Record<CodePosition, number>> = {};
  const lines = flaskLines(flaskVariant(params)).map(({ text, positions: marks = [] }, line) => {
    for (const mark of marks) positions[mark] = line;
    const filled = fillFlaskLine(text, params);
    for (const slot of filled.slots) slots.push({ ...slot, line });
    return filled.text;
  });
  return { code: lines.join('\n'), slots, positions };
}

/**
 * The lines of the Flask app an ending adds for these parameters (none for `end=close`), as they
 * read in it, less the indent they all share (the function around them is not shown).
 */
export function flaskEndingLines(params: StreamParams): string[] {
  const lines = flaskLines(flaskVariant(params))
    .filter((line) => line.ending)
    .map((line) => fillFlaskLine(line.text, params).text);
  const shared = Math.min(...lines.map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(shared));
}

/** One line with its ⟨…⟩ slots filled in for these parameters, and where each slot's text landed. */
function fillFlaskLine(text: string, params: StreamParams): { text: string; slots: Array<Omit<CodeSlot, 'line'>> } {
  const slots: Array<Omit<CodeSlot, 'line'>> = [];
  let out = '';
  let last = 0;
  for (const match of text.matchAll(SLOT)) {
    out += text.slice(last, match.index);
    const name = match[1] as CodeSlot['name'];
    const value = flaskSlotText(name, params);
    slots.push({ start: out.length, end: out.length + value.length, name });
    out += value;
    last = match.index + match[0].length;
  }
  return { text: out + text.slice(last), slots };
}
