import type { SlotFill } from '@/lib/code/slots';
import { splitLines } from '@/lib/sse/encode';
import { hasEventIds, type StreamEnd, type StreamParams } from '@/lib/contract/params';
import { escapePythonText, formatSeconds } from '@/lib/trace/format';

/*
 * What the browser needs of the Flask panel: the slots where the parameters sit in its lines and
 * the text each takes, and which shape the app has. The lines themselves (flask-code.ts) are
 * rendered on the server, each shape once.
 */

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
