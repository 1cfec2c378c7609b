import type { Finding } from './findings';
import type { Place } from './field-rules';
import { dataOf, type Block, type StreamLine } from './lines';
import { pyEscape } from './yields';

/**
 * Rules about where blocks and lines end (HTML §9.2.6,
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * only a blank line dispatches the event ("Once the end of the file is reached, any pending data
 * must be discarded"), and a CR not followed by LF ends a line just as LF does.
 */

const FIX_BLANK_LINE =
  'End every frame with a blank line: yield f"data: {value}\\n\\n" (two \\n: one ends the line, one is the blank line).';

/** The block's text as it was written, lines with their ends. */
const textOf = (block: Block) => block.lines.map((line) => line.text + line.eol).join('');

/**
 * `no-blank-line`: a frame whose data is not followed by a blank line before the next frame's data
 * (the two merge into one message), or before the stream stops (never dispatched).
 */
export function blankLineFindings(block: Block, place: Place, ended: boolean): Finding[] {
  if (block.dataLines.length === 0) return [];
  const first = place(block.dataLines[0]!.start);
  if (!block.blank) {
    const last = place(block.lines.at(-1)!.start);
    return [
      {
        rule: 'no-blank-line',
        severity: ended ? 'error' : 'warning',
        ...last,
        bytes: pyEscape(textOf(block)),
        message: ended
          ? 'No blank line after this frame, so the browser never dispatches it: at the end of the stream it throws an unfinished frame away.'
          : 'No blank line after this frame yet, so the browser has not dispatched it: it waits for a blank line.',
        fix: FIX_BLANK_LINE,
      },
    ];
  }
  const yields = new Set(block.dataLines.map((line) => place(line.start).yieldIndex));
  if (yields.size < 2) return [];
  return [
    {
      rule: 'no-blank-line',
      severity: 'warning',
      ...first,
      bytes: pyEscape(textOf(block)),
      message:
        `No blank line after this frame, so the next ${yields.size === 2 ? 'frame joins' : `${yields.size - 1} frames join`} it: ` +
        `the browser dispatches one message with data "${pyEscape(dataOf(block))}" (its data lines joined with \\n).`,
      fix: FIX_BLANK_LINE,
    },
  ];
}

/**
 * `lone-cr`: a CR not followed by LF ends the line there, so what follows it is read as a new line.
 * One finding per yield, at its first lone CR.
 */
export function loneCrFindings(lines: readonly StreamLine[], place: Place, ended: boolean): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  lines.forEach((line, i) => {
    if (line.eol !== '\r') return;
    const next = lines[i + 1];
    // A CR at the very end of a stream still running may yet be followed by an LF.
    if (!next && !ended) return;
    const at = place(line.start + line.text.length);
    if (seen.has(at.yieldIndex)) return;
    seen.add(at.yieldIndex);
    const after = next
      ? next.text === ''
        ? 'the line after it is blank, which ends the frame'
        : `"${pyEscape(next.text)}" is a new line`
      : 'the line ends';
    findings.push({
      rule: 'lone-cr',
      severity: 'warning',
      ...at,
      bytes: pyEscape(line.text + line.eol + (next ? next.text + next.eol : '')),
      message: `A \\r without \\n after it ends the line, just as \\n does: the browser reads "${pyEscape(line.text)}" up to the \\r, and ${after}.`,
      fix: 'End lines with \\n only; if the text itself may hold \\r, remove it or send it inside JSON (json.dumps escapes it).',
    });
  });
  return findings;
}
