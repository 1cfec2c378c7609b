import type { StreamParams } from '@/lib/contract/params';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import type { ExecutionRow, StreamEvent } from '@/lib/trace/types';

/*
 * A run, taken away as a file: the JSON format that "Download trace (JSON)" writes and "Load a
 * trace" reads back (import.ts). The events are the recording; the rows and the frames are
 * derived from them, written out for people and for other tools, and checked on the way back in.
 */

export const RECORDING_FORMAT = 'stepstream-trace';
export const RECORDING_VERSION = 1;

/** One frame exactly as it travelled on the wire (the Execution Table's yield rows). */
export interface RecordedFrame {
  /** The Execution Table step that yielded it. */
  step: number;
  atMs: number;
  text: string;
}

/** A downloaded run: what it was asked, what arrived and when, and the table that makes. */
export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_VERSION;
  /** When the file was made (ISO 8601), passed in: the model keeps no clock. */
  exportedAt: string;
  params: StreamParams;
  /** Everything observed, in order, with arrival times: `reduceEvents` rebuilds the table from these alone. */
  events: readonly StreamEvent[];
  /** The Execution Table, each row with its arrival time (`atMs`). */
  rows: readonly ExecutionRow[];
  frames: readonly RecordedFrame[];
}

/** What the store needs to show a recorded run again. */
export interface RecordedRun {
  params: StreamParams;
  events: readonly StreamEvent[];
}

/** The raw frames of a table: every row that put bytes on the wire. */
export function recordedFrames(rows: readonly ExecutionRow[]): RecordedFrame[] {
  return rows.flatMap((row) => (row.frame === null ? [] : [{ step: row.step, atMs: row.atMs, text: row.frame }]));
}

/** A row with its fields in the table's order, so every line of the file reads alike. */
function inColumnOrder({ step, kind, action, dataSent, sleepSeconds, connection, i, atMs, frame, resumeFrom }: ExecutionRow): ExecutionRow {
  return { step, kind, action, dataSent, sleepSeconds, connection, i, atMs, frame, ...(resumeFrom === undefined ? {} : { resumeFrom }) };
}

/** A run as a recording; its rows and frames are built from its events, so the three always agree. */
export function createRecording(run: RecordedRun, exportedAt: string): Recording {
  const { rows } = reduceEvents(emptyTrace(run.params), run.events);
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    exportedAt,
    params: run.params,
    events: run.events,
    rows: rows.map(inColumnOrder),
    frames: recordedFrames(rows),
  };
}

/**
 * The recording as JSON a person can read and diff: one key per line at the top, one event, row
 * or frame per line in the lists. (Fully indented, a 10,000-frame run is several times larger.)
 */
export function recordingJson(recording: Recording): string {
  const entries = Object.entries(recording).map(([key, value]) => {
    const text = Array.isArray(value)
      ? value.length === 0
        ? '[]'
        : `[\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

/** `stepstream-run-n<range>-<yyyy-mm-dd>.json` (say `stepstream-run-n3-2026-11-25`): the run's range and the day it was exported (UTC, from `exportedAt`). */
export function recordingFileName(params: Pick<StreamParams, 'n'>, exportedAt: string, extension: 'json' | 'csv' | 'svg'): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(exportedAt)?.[0];
  return `stepstream-run-n${params.n}${day ? `-${day}` : ''}.${extension}`;
}
