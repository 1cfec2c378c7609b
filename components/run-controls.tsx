'use client';

import { selectIsRunning } from '@/lib/store/selectors';
import { ActionButton } from './action-button';
import { useLessonStore } from './lesson-store-provider';
import { PARAMS_FORM_ID } from './params-form';
import { useCharacterKeyShortcuts } from './use-character-key-shortcuts';

/**
 * Run / Step / Stop / Reset: everything that drives the generator, in the stage bar, so it is in
 * reach wherever the page is scrolled and in presenter mode.
 */
export function RunControls() {
  const running = useLessonStore(selectIsRunning);
  const status = useLessonStore((state) => state.status);
  const hasRun = useLessonStore((state) => state.runParams !== null);
  const stepMode = useLessonStore((state) => state.draft.mode === 'step');
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
        Step
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
  const running = useLessonStore(selectIsRunning);
  const stepMode = useLessonStore((state) => state.draft.mode === 'step');
  const setMode = useLessonStore((state) => state.actions.setMode);
  return (
    <span className="step-mode">
      <span className="step-mode-label" id="param-mode-label">
        Step mode
      </span>
      <ActionButton
        type="button"
        role="switch"
        aria-checked={stepMode}
        aria-labelledby="param-mode-label"
        aria-describedby="param-mode-hint"
        className={`switch ${stepMode ? 'switch-on' : ''}`}
        onClick={() => setMode(stepMode ? 'timed' : 'step')}
        unavailable={running}
      >
        <span className="switch-thumb" aria-hidden="true" />
        <span className="switch-text">{stepMode ? 'On' : 'Off'}</span>
      </ActionButton>
      <span id="param-mode-hint" className="visually-hidden">
        The server waits at every sleep until you press Step.
      </span>
    </span>
  );
}
