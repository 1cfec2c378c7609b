import type { StreamParams } from '@/lib/contract/params';
import { flaskSlotText, flaskVariant, type CodePosition, type CodeSlot, type FlaskVariant } from './flask-slots';

/*
 * The Flask panel's app, line by line, in each shape the stream lab's options give it: rendered
 * on the server (and, for an ending's lines, in the stream lab). What the browser fills in as the
 * parameters change is in flask-slots.ts.
 */

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
