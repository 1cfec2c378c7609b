'use client';

import { selectIsRunning } from '@/lib/store/selectors';
import { ActionButton } from '../ui/action-button';
import { useLessonStore } from '../lesson/lesson-store-provider';
import { PARAMS_FORM_ID } from './params-form';
import { useCharacterKeyShortcuts } from '../shortcuts/use-character-key-shortcuts';

/**
 * Run / Step / Stop / Reset: everything that drives the generator, in the stage bar, so it is in
 * reach wherever the page is scrolled and in presenter mode.
 */
export function RunControls() {
  const running = useLessonStore(selectIsRunning);
  const status = useLessonStore((state) => state.status);
  const hasRun = useLessonStore((state) => state.runParams !== null);
  const stepMode = useLessonStore((state) => state.draft.mode === 'step');
  const predicting = useLessonStore((state) => state.runParams?.mode === 'predict');
  const canStep = useLessonStore((state) => state.stepStreamId !== null && state.status === 'open');
  const { stop, reset, step } = useLessonStore((state) => state.actions);
  const [characterKeys] = useCharacterKeyShortcuts();

  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      <ActionButton type="submit" form={PARAMS_FORM_ID} className="button button-primary" unavailable={running}>
        {status === 'connecting' ? 'Connecting…' : 'Run'}
      </ActionButton>
      <ActionButton
        type="button"
        className="button button-step"
        onClick={step}
        unavailable={!canStep}
        aria-keyshortcuts={characterKeys ? 'ArrowRight Space' : 'ArrowRight'}
        aria-describedby="step-button-hint"
      >
        {predicting ? 'Reveal' : 'Step'}
      </ActionButton>
      <span id="step-button-hint" className="visually-hidden">
        {stepMode
          ? 'In step mode the server yields one frame per Step.'
          : 'Turn on Step mode, then Run: the server yields one frame per Step.'}
      </span>
      <ActionButton type="button" className="button" onClick={stop} unavailable={!running}>
        Stop
      </ActionButton>
      <ActionButton type="button" className="button" onClick={reset} unavailable={!hasRun && !running}>
        Reset
      </ActionButton>
    </div>
  );
}

/** Step mode: the server waits at every sleep for the presenter's Step. Fixed while a run is under way. */
export function StepModeSwitch() {
  return <ModeSwitch mode="step" label="Step mode" hint="The server waits at every sleep until you press Step." />;
}

/** Predict mode: the server holds each frame while the student predicts its row; Reveal lets it go. */
export function PredictSwitch() {
  return (
    <ModeSwitch mode="predict" label="Predict" hint="The server holds each frame until you have predicted its row and press Reveal." />
  );
}

/** One of the generator's modes, on or off (off is timed, the seed's); the modes exclude each other. */
function ModeSwitch({ mode, label, hint }: { mode: 'step' | 'predict'; label: string; hint: string }) {
  const running = useLessonStore(selectIsRunning);
  const on = useLessonStore((state) => state.draft.mode === mode);
  const setMode = useLessonStore((state) => state.actions.setMode);
  return (
    <span className="step-mode">
      <span className="step-mode-label" id={`param-${mode}-label`}>
        {label}
      </span>
      <ActionButton
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby={`param-${mode}-label`}
        aria-describedby={`param-${mode}-hint`}
        className={`switch ${on ? 'switch-on' : ''}`}
        onClick={() => setMode(on ? 'timed' : mode)}
        unavailable={running}
      >
        <span className="switch-thumb" aria-hidden="true" />
        <span className="switch-text">{on ? 'On' : 'Off'}</span>
      </ActionButton>
      <span id={`param-${mode}-hint`} className="visually-hidden">
        {hint}
      </span>
    </span>
  );
}
