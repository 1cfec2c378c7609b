'use client';

import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { timelineLabel } from '@/lib/lesson/stage-text';
import { playbackDelayMs } from '@/lib/trace/cursor';
import { selectFullTrace, selectLessonView, selectStepPosition } from '@/lib/store/selectors';
import { ActionButton } from '../ui/action-button';
import { useLessonActions, useLessonStore } from '../lesson/lesson-store-provider';
import { StepIcon } from './step-icon';
import './replay-controls.css';

const SPEEDS = [0.5, 1, 2] as const;

/**
 * The timeline: a slider and Home / Back / Forward / End over the recorded trace (no new request),
 * "Step N of M", and playback of the recording with its recorded spacing at 0.5×, 1× or 2×.
 * Playback timing lives here; the store only holds the cursor.
 */
export function ReplayControls() {
  const { shown, total } = useLessonStore(useShallow(selectStepPosition));
  const trace = useLessonStore(selectFullTrace);
  const cursor = useLessonStore((state) => state.cursor);
  const view = useLessonStore(selectLessonView);
  const { seek, back } = useLessonActions();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);

  // Playback stops by itself at the last row: it plays only while there is a next row to wait for.
  const delay = playing ? playbackDelayMs(trace, cursor, speed) : null;
  const isPlaying = delay !== null;
  useEffect(() => {
    if (delay === null) return;
    const timer = setTimeout(() => {
      if (shown + 1 < total) return seek(shown + 1);
      seek(null);
      setPlaying(false); // at the end: a later step back must not set it playing again
    }, delay);
    return () => clearTimeout(timer);
  }, [delay, shown, total, seek]);

  const atStart = shown <= 1;
  const atEnd = shown >= total;
  const position = timelineLabel(view, cursor !== null, shown, total);
  return (
    <div className="replay" role="group" aria-label="Timeline">
      <div className="replay-steps">
        <ActionButton
          type="button"
          className="button button-small button-icon"
          onClick={() => seek(1)}
          unavailable={atStart}
          aria-label="First step (Home)"
        >
          <StepIcon name="first" />
        </ActionButton>
        <ActionButton
          type="button"
          className="button button-small button-icon"
          onClick={back}
          unavailable={atStart}
          aria-label="Back one step (←)"
        >
          <StepIcon name="back" />
        </ActionButton>
        <ActionButton
          type="button"
          className="button button-small button-icon"
          onClick={() => seek(shown + 1 >= total ? null : shown + 1)}
          unavailable={atEnd}
          aria-label="Forward one step"
        >
          <StepIcon name="forward" />
        </ActionButton>
        <ActionButton
          type="button"
          className="button button-small button-icon"
          onClick={() => seek(null)}
          unavailable={atEnd}
          aria-label="Last step (End)"
        >
          <StepIcon name="last" />
        </ActionButton>
      </div>
      <input
        className="replay-slider"
        type="range"
        min={total === 0 ? 0 : 1}
        max={total}
        value={shown}
        onChange={(event) => {
          const value = Number(event.target.value);
          seek(value >= total ? null : value);
        }}
        aria-label="Step"
        aria-valuetext={position}
        disabled={total <= 1}
      />
      {/* Not a live region: the page's announcer reads replay steps, and typing in the form must stay quiet. */}
      <output className="replay-position">{position}</output>
      <div className="replay-playback">
        <ActionButton
          type="button"
          className="button button-small"
          onClick={() => {
            if (!isPlaying && atEnd) seek(1);
            setPlaying(!isPlaying);
          }}
          unavailable={total <= 1 || view === 'prediction'}
          aria-pressed={isPlaying}
          aria-label={isPlaying ? 'Pause the recording' : 'Play recording'}
        >
          {isPlaying ? 'Pause' : 'Play'}
        </ActionButton>
        <label className="speed">
          <span className="visually-hidden">Playback speed</span>
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value) as (typeof SPEEDS)[number])}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
