import type { StreamParams } from '@/lib/stream/params';
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

/** The text a parameter takes in the Python source. */
export function flaskSlotText(name: CodeSlot['name'], params: StreamParams): string {
  switch (name) {
    case 'n':
      return String(params.n);
    case 'sleep':
      return formatSeconds(params.delayMs);
    case 'template':
      // Inside an f-string: quotes and backslashes escaped, braces doubled except the {i} field.
      return params.template
        .split('{i}')
        .map((part) => escapePythonText(part, "'").replaceAll('{', '{{').replaceAll('}', '}}'))
        .join('{i}');
  }
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
