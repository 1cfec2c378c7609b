'use client';

import { useRef } from 'react';
import type { Narration } from '@/lib/lesson/narration';
import { ConnectionDiagram } from './connection-diagram';
import { PredictSwitch, RunControls, StepModeSwitch } from './run-controls';
import { StageStatus } from './stage-status';
import { useStageIntoView } from './use-stage-into-view';
import './run-bar.css';

/**
 * The stage bar: the run's controls, its connection state, what just happened, and the wire
 * between client and server with the latest frame on it, stuck to the top of the screen while
 * the lesson scrolls beneath it. On Run it brings the stage on screen when the code line or the
 * table would otherwise be out of sight (always, on a phone).
 */
export function RunBar({ initialNarration }: { initialNarration: Narration }) {
  const bar = useRef<HTMLElement>(null);
  useStageIntoView(bar);
  return (
    <section ref={bar} className="run-bar" aria-label="The run: controls, connection and what just happened">
      <RunControls />
      <span className="mode-switches">
        <StepModeSwitch />
        <PredictSwitch />
      </span>
      <StageStatus initialNarration={initialNarration} />
      <ConnectionDiagram />
    </section>
  );
}
