'use client';

import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { playbackDelayMs } from '@/lib/trace/cursor';
import { selectFullTrace, selectStepPosition } from '@/lib/store/selectors';
import { useLessonActions, useLessonStore } from './lesson-store-provider';

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
  const { seek, back } = useLessonActions();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);

  useEffect(() => {
    if (!playing) return;
    const delay = playbackDelayMs(trace, cursor, speed);
    if (delay === null) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => seek(shown + 1 >= total ? null : shown + 1), delay);
    return () => clearTimeout(timer);
  }, [playing, trace, cursor, speed, shown, total, seek]);

  const atStart = shown <= 1;
  const atEnd = shown >= total;
  return (
    <div className="replay" role="group" aria-label="Timeline">
      <div className="replay-buttons">
        <button type="button" className="button button-small" onClick={() => seek(1)} disabled={atStart} aria-label="First step (Home)">
          Home
        </button>
        <button type="button" className="button button-small" onClick={back} disabled={atStart} aria-label="Back one step (←)">
          ◀ Back
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => seek(shown + 1 >= total ? null : shown + 1)}
          disabled={atEnd}
          aria-label="Forward one step"
        >
          Forward ▶
        </button>
        <button type="button" className="button button-small" onClick={() => seek(null)} disabled={atEnd} aria-label="Last step (End)">
          End
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            if (!playing && atEnd) seek(1);
            setPlaying(!playing);
          }}
          disabled={total <= 1}
          aria-pressed={playing}
        >
          {playing ? 'Pause' : 'Play recording'}
        </button>
        <label className="speed">
          Speed{' '}
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value) as (typeof SPEEDS)[number])}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="replay-timeline">
        <input
          type="range"
          min={total === 0 ? 0 : 1}
          max={total}
          value={shown}
          onChange={(event) => {
            const value = Number(event.target.value);
            seek(value >= total ? null : value);
          }}
          aria-label="Step"
          aria-valuetext={`Step ${shown} of ${total}`}
          disabled={total <= 1}
        />
        <output className="replay-position" aria-live="polite">
          Step {shown} of {total}
        </output>
      </div>
    </div>
  );
}
