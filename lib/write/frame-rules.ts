import { parseSse } from '../sse/read';
import { blankLineFindings, loneCrFindings } from './block-rules';
import { fieldFindings, type Place } from './field-rules';
import type { Finding, Severity } from './findings';
import { readBlocks, splitLines, type Block } from './lines';
import { bomFinding, notTextFinding, silenceFindings } from './stream-rules';
import { placeAt, wireText, type YieldRecord } from './yields';

/**
 * The rule checker for "write your own generator": what a browser's EventSource does with what the
 * student's generator yielded, and each place where that is not what the code meant, in plain words.
 * The rules follow the WHATWG event-stream interpretation (HTML §9.2.6,
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation);
 * each rule file cites the step it follows. Pure: time comes in as numbers.
 */

/** An event a browser's EventSource dispatches for the stream. */
export interface DispatchedEvent {
  /** "message", or the block's `event` field when it set one. */
  type: string;
  data: string;
  /** The event source's last event ID string when it dispatched: set by the last valid `id`, in this or any earlier block. */
  lastEventId: string;
  /** Whether `onmessage` sees it: only events of type "message" reach it. */
  onmessage: boolean;
  /** The yield (and its source line) whose blank line dispatched it. */
  yieldIndex: number;
  line: number;
}

export interface CheckOptions {
  /** Whether the generator has finished (returned, raised, or was stopped): an unfinished frame is then lost for good. */
  ended: boolean;
  /** The time of the check in the yields' clock (ms from the request): the end when `ended`. Without it, silence after the last yield is not judged. */
  nowMs?: number;
}

export interface CheckResult {
  /** Ordered by yield, errors before warnings before infos at the same yield. */
  findings: Finding[];
  dispatched: DispatchedEvent[];
}

export { SILENCE_LIMIT_MS } from './stream-rules';
export type { Finding, RuleId, Severity } from './findings';
export type { YieldRecord, YieldValue } from './yields';

/**
 * Checks a run's yields in order. The wire is the yields' bytes up to the first that is not text
 * (there Flask's server breaks the response: see `notTextFinding`).
 */
export function checkYields(yields: readonly YieldRecord[], options: CheckOptions = { ended: true }): CheckResult {
  const wire = wireText(yields);
  const place: Place = (offset) => placeAt(wire, offset);
  const lines = splitLines(wire.text, wire.text.startsWith('\uFEFF') ? 1 : 0);
  const blocks = readBlocks(lines);
  const findings = [
    ...[notTextFinding(yields), bomFinding(wire)].filter((finding) => finding !== null),
    ...loneCrFindings(lines, place, options.ended),
    ...blocks.flatMap((block) => [...blankLineFindings(block, place, options.ended), ...fieldFindings(block, place)]),
    ...silenceFindings(yields, options.nowMs),
  ];
  return { findings: sortFindings(findings), dispatched: dispatchedEvents(wire.text, blocks, place) };
}

/**
 * What EventSource dispatches: type and data from THE reader (lib/sse's `parseSse`), the last event
 * ID and the dispatching yield from the blocks, which the reader does not report (eventsource-parser
 * gives an event's own `id` only, and nothing for a block without data).
 */
function dispatchedEvents(text: string, blocks: readonly Block[], place: Place): DispatchedEvent[] {
  const messages = parseSse(text).filter((item) => item.kind === 'event');
  const dispatching = blocks.filter((block) => block.dispatches);
  // WARNING: the blocks are only an explanation of the reader; if they ever disagree, the reader is right and this is a bug here.
  if (messages.length !== dispatching.length) {
    throw new Error(`frame-rules: the reader dispatched ${messages.length} events, the blocks ${dispatching.length}`);
  }
  return messages.map((message, i) => {
    const block = dispatching[i]!;
    const type = message.event ?? 'message';
    return { type, data: message.data, lastEventId: block.lastEventId, onmessage: type === 'message', ...place(block.blank!.start) };
  });
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.yieldIndex ?? Infinity) - (b.yieldIndex ?? Infinity) || RANK[a.severity] - RANK[b.severity]);
}
