import { draftFromParams, validateDraft } from '@/lib/contract/draft';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import type { ExecutionRow, StreamEvent } from '@/lib/trace/types';
import { RECORDING_FORMAT, RECORDING_VERSION, recordedFrames, type RecordedFrame, type Recording } from './recording';
import { recordingSizeProblem } from './recording-limits';
import { describeIssue, recordingSchema } from './recording-schema';

/*
 * Loading a downloaded trace back. A file is anyone's: it is checked in the order a person would
 * want to hear about it (size, JSON, whose format, which version, shape, the stream's own rules,
 * whether its events make a run), and every refusal is one sentence that says what to do.
 * Nothing here throws, whatever the input (the tests fuzz it).
 */

export type RecordingImport = { ok: true; recording: Recording } | { ok: false; error: string };

const refuse = (error: string): RecordingImport => ({ ok: false, error });

/** Reads a trace file's text: the recording it holds, or why it cannot be loaded. */
export function readRecording(text: string): RecordingImport {
  // Every UTF-16 unit is at least one byte of the file, so this refuses before parsing anything big.
  const tooBig = recordingSizeProblem(text.length);
  if (tooBig) return refuse(tooBig);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(
      /^\s*</.test(text)
        ? 'This file is markup (an SVG or a web page), not a trace: load the .json file that "Download trace (JSON)" saved.'
        : 'This file is not JSON, so it is not a Stepstream trace: load the .json file that "Download trace (JSON)" saved.',
    );
  }
  return checkRecording(value);
}

/** Checks a parsed trace file: the recording, its parameters put through the stream's own rules, or why not. */
export function checkRecording(value: unknown): RecordingImport {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse('This file is not a Stepstream trace: it holds no JSON object. Load the .json file that "Download trace (JSON)" saved.');
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== RECORDING_FORMAT) {
    return refuse(`This file is not a Stepstream trace: its "format" should be "${RECORDING_FORMAT}".`);
  }
  if (version !== RECORDING_VERSION) {
    return refuse(
      typeof version === 'number' && version > RECORDING_VERSION
        ? `This trace is format version ${version}, from a newer Stepstream; this page reads version ${RECORDING_VERSION}. Open it with the newer version.`
        : `This trace's "version" should be ${RECORDING_VERSION}: the file was changed or damaged. Download the run again.`,
    );
  }
  const parsed = recordingSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return refuse(`This trace cannot be loaded: ${describeIssue(parsed.error.issues[0]!)}. Download the run again.`);
  }
  const file = parsed.data;
  const checked = validateDraft(draftFromParams(file.params));
  if (!checked.ok) {
    const problems = Object.values(checked.errors).join('; ');
    return refuse(`This trace's parameters are not ones the stream accepts (${problems}), so it cannot be replayed.`);
  }
  const runProblem = eventsProblem(file.events);
  if (runProblem) return refuse(`This trace's events do not make a run: ${runProblem}.`);
  const { rows } = reduceEvents(emptyTrace(checked.params), file.events);
  const mismatch =
    firstMismatch('rows', file.rows, rows, ROW_FIELDS) ?? firstMismatch('frames', file.frames, recordedFrames(rows), FRAME_FIELDS);
  if (mismatch) {
    return refuse(
      `This trace's ${mismatch} does not match its events: the file was changed after it was downloaded. Download the run again.`,
    );
  }
  const recording: Recording = {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    exportedAt: file.exportedAt,
    params: checked.params,
    events: file.events,
    rows,
    frames: recordedFrames(rows),
  };
  return { ok: true, recording };
}

/**
 * Why these events are not a run the page could have recorded, or null. A run opens (or fails
 * before it does), and ends exactly once, with its last event: a file cut short, or one that goes
 * on after its end, was not written by the page.
 */
function eventsProblem(events: readonly StreamEvent[]): string | null {
  const first = events[0]!;
  if (first.type !== 'open' && first.type !== 'error') return 'the first event must be the connection opening (or an error)';
  const endAt = events.findIndex((event) => event.type === 'end' || event.type === 'error');
  if (endAt === -1) return 'the run never ends (its last event must be an end or an error), so it was downloaded mid-run or cut short';
  if (endAt !== events.length - 1) return `event ${endAt + 1} ends the run, yet ${events.length - endAt - 1} more follow it`;
  return null;
}

const ROW_FIELDS = ['step', 'kind', 'action', 'dataSent', 'sleepSeconds', 'connection', 'i', 'atMs', 'frame', 'resumeFrom'] as const;
const FRAME_FIELDS = ['step', 'atMs', 'text'] as const;

/**
 * Where a file's list first differs from the one its events make ("rows[3]", "frames"), or null.
 * Field by field, for the fields the page writes; a field the page did not write is ignored.
 */
function firstMismatch<T extends ExecutionRow | RecordedFrame>(
  name: 'rows' | 'frames',
  listed: readonly unknown[],
  rebuilt: readonly T[],
  fields: ReadonlyArray<keyof T>,
): string | null {
  if (listed.length !== rebuilt.length) return `list of ${name} (${listed.length}, where its events make ${rebuilt.length})`;
  for (let k = 0; k < rebuilt.length; k++) {
    const item = listed[k];
    if (typeof item !== 'object' || item === null) return `${name}[${k}]`;
    const record = item as Record<PropertyKey, unknown>;
    for (const field of fields) {
      const own = Object.hasOwn(record, field) ? record[field] : undefined;
      if (!Object.is(own, rebuilt[k]![field])) return `${name}[${k}].${String(field)}`;
    }
  }
  return null;
}
