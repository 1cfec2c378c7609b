import type { SlotFill } from '@/lib/code/slots';
import { splitLines } from '@/lib/sse/encode';
import type { StreamParams } from '@/lib/contract/params';
import { escapePythonText, formatSeconds } from '@/lib/trace/format';

/** A place in a code line whose text follows the parameters. Columns are UTF-16 offsets. */
export interface CodeSlot {
  line: number;
  start: number;
  end: number;
  name: 'n' | 'template' | 'sleep';
}

/** Where the generator is, as the code panel highlights it. */
export type CodePosition = 'request' | 'start' | 'yield' | 'sleep' | 'end';

const SLOT = /⟨(n|template|sleep)⟩/g;

/** The seed's Flask example; ⟨…⟩ marks the parameters. */
const FLASK_LINES_WITH_SLOTS = [
  'from flask import Flask, Response',
  'import time',
  '',
  'app = Flask(__name__)',
  '',
  "@app.route('/stream')",
  'def stream():',
  '    def event_stream():',
  '        for i in range(⟨n⟩):',
  "            yield f'data: ⟨template⟩\\n\\n'",
  '            time.sleep(⟨sleep⟩)',
  "    return Response(event_stream(), mimetype='text/event-stream')",
];

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
  }
}

/** What replaces the slots of one line of the seed's source to make this parameters' source. */
export function flaskSlotFills(slots: readonly CodeSlot[], line: number, params: StreamParams): SlotFill[] {
  return slots
    .filter((slot) => slot.line === line)
    .map((slot) => ({ start: slot.start, end: slot.end, text: flaskSlotText(slot.name, params) }));
}

/** The Flask source for these parameters and where its parameters sit, line by line. */
export function flaskSource(params: StreamParams): { code: string; slots: CodeSlot[] } {
  const slots: CodeSlot[] = [];
  const lines = FLASK_LINES_WITH_SLOTS.map((template, line) => {
    let out = '';
    let last = 0;
    for (const match of template.matchAll(SLOT)) {
      out += template.slice(last, match.index);
      const name = match[1] as CodeSlot['name'];
      const text = flaskSlotText(name, params);
      slots.push({ line, start: out.length, end: out.length + text.length, name });
      out += text;
      last = match.index + match[0].length;
    }
    return out + template.slice(last);
  });
  return { code: lines.join('\n'), slots };
}

/** The 0-based line the Flask panel highlights for each position. */
export const FLASK_POSITION_LINES: Record<CodePosition, number> = {
  request: 11, // the view returns a Response wrapping the generator; nothing has run yet
  start: 8, // Flask starts iterating: the for loop begins
  yield: 9,
  sleep: 10,
  end: 8, // range() is exhausted: the loop, and so the generator, ends
};
