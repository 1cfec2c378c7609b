'use client';

import { useRef, useState, type DragEvent } from 'react';
import { readRecording } from '@/lib/recording/import';
import { recordingSizeProblem } from '@/lib/recording/recording-limits';
import { useLessonActions } from '../lesson/lesson-store-provider';

type Outcome = { ok: true; message: string } | { ok: false; message: string };

/**
 * "Load a trace": a downloaded JSON trace, picked or dropped, replaces the run on show and the
 * timeline starts at its first step, so an instructor can prepare a run at home and replay it in
 * class. A file that is not a trace says why, inline, and changes nothing.
 */
export function TraceLoader() {
  const { loadRecording } = useLessonActions();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function load(file: File | undefined) {
    if (!file) return;
    const tooBig = recordingSizeProblem(file.size);
    if (tooBig) return setOutcome({ ok: false, message: tooBig });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setOutcome({ ok: false, message: `${file.name} could not be read: pick it again, or copy it somewhere local first.` });
    }
    const result = readRecording(text);
    if (!result.ok) return setOutcome({ ok: false, message: `${file.name}: ${result.error}` });
    loadRecording(result.recording);
    const steps = result.recording.rows.length;
    setOutcome({
      ok: true,
      message: `Loaded ${file.name}: ${steps} steps, at step 1 of ${steps}. Replay it with the timeline under “What happened”.`,
    });
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  }

  return (
    <div
      className="trace-drop"
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        // Without this the browser opens the dropped file in place of the lesson.
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label className="trace-drop-label" htmlFor="trace-file">
        Load a trace
      </label>
      <input
        ref={input}
        id="trace-file"
        className="trace-file"
        type="file"
        accept=".json,application/json"
        aria-describedby="trace-drop-hint"
        onChange={(event) => {
          void load(event.currentTarget.files?.[0]).finally(() => {
            // Picking the same file again (after fixing it) should load it again.
            if (input.current) input.current.value = '';
          });
        }}
      />
      <p id="trace-drop-hint" className="muted trace-drop-hint">
        A .json trace downloaded here, picked or dropped on this box: it replays with the timeline, and nothing is uploaded.
      </p>
      <p className="field-error trace-error" role="alert">
        {outcome?.ok === false ? outcome.message : ''}
      </p>
      <p className="trace-loaded" role="status">
        {outcome?.ok ? outcome.message : ''}
      </p>
    </div>
  );
}
