'use client';

import { useState } from 'react';
import { executionTableCsv } from '@/lib/recording/csv';
import { MAX_RECORDING_BYTES } from '@/lib/recording/recording-limits';
import { createRecording, recordingFileName, recordingJson } from '@/lib/recording/recording';
import { traceAnimationSvg } from '@/lib/recording/svg';
import { ActionButton } from '../ui/action-button';
import { useLessonStore, useLessonStoreApi } from '../lesson/lesson-store-provider';
import { downloadText } from './download';
import { TraceLoader } from './trace-loader';

type Download = 'json' | 'csv' | 'svg';

const DOWNLOADS: ReadonlyArray<{ kind: Download; label: string; type: string }> = [
  { kind: 'json', label: 'Download trace (JSON)', type: 'application/json' },
  { kind: 'csv', label: 'Download trace (CSV)', type: 'text/csv;charset=utf-8' },
  { kind: 'svg', label: 'Download animation (SVG)', type: 'image/svg+xml' },
];

/** Why the downloads wait, or null once there is a finished run to take. */
function unavailableBecause(hasRun: boolean, finished: boolean): string | null {
  if (!hasRun) return 'The downloads need a recorded run: press Run (or load a trace) first. Print handout works now, with the prediction.';
  if (!finished) return 'The downloads are ready once this run has ended (or you press Stop).';
  return null;
}

/**
 * The card "Take the run away": the recorded run as a trace to load elsewhere (JSON), the
 * Execution Table for a spreadsheet (CSV), an animation for slides (SVG), a printed handout, and
 * a trace file loaded back to replay here. Everything is made in the browser from what the store
 * recorded; nothing is sent anywhere.
 */
export function RunExport() {
  const params = useLessonStore((state) => state.runParams);
  // Whether there is a run and whether it ended, not the events: a 10,000-frame run would render this card every batch.
  const hasEvents = useLessonStore((state) => state.events.length > 0);
  const finished = useLessonStore((state) => {
    const last = state.events.at(-1);
    return last?.type === 'end' || last?.type === 'error';
  });
  const store = useLessonStoreApi();
  const why = unavailableBecause(params !== null && hasEvents, finished);
  const [note, setNote] = useState<string | null>(null);

  function download(kind: Download, type: string) {
    if (!params || why) return;
    const exportedAt = new Date().toISOString();
    const recording = createRecording({ params, events: store.getState().events }, exportedAt);
    const text =
      kind === 'json'
        ? recordingJson(recording)
        : kind === 'csv'
          ? executionTableCsv(recording.rows)
          : traceAnimationSvg(params, recording.rows);
    downloadText(recordingFileName(params, exportedAt, kind), text, type);
    const tooBig = kind === 'json' && new Blob([text]).size > MAX_RECORDING_BYTES;
    setNote(
      tooBig
        ? `This trace is over ${MAX_RECORDING_BYTES / (1024 * 1024)} MB, more than a page loads back: keep the CSV for the whole table.`
        : null,
    );
  }

  return (
    <div className="run-export">
      <p className="muted run-export-intro">
        Take this run with you: the trace to replay it on another machine, the Execution Table for a spreadsheet, an animation for your
        slides, or a printed handout. Files are made here, in your browser.
      </p>
      <div className="run-export-actions" role="group" aria-label="Downloads and printing">
        {DOWNLOADS.map(({ kind, label, type }) => (
          <ActionButton
            key={kind}
            type="button"
            className="button"
            unavailable={why !== null}
            aria-describedby={why ? 'run-export-why' : undefined}
            onClick={() => download(kind, type)}
          >
            {label}
          </ActionButton>
        ))}
        <button type="button" className="button" onClick={() => window.print()}>
          Print handout
        </button>
      </div>
      {why && (
        <p id="run-export-why" className="muted run-export-why">
          {why}
        </p>
      )}
      {note && <p className="run-export-note">{note}</p>}
      <TraceLoader />
    </div>
  );
}
