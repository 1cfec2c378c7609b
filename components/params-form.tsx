'use client';

import { useState, type FormEvent } from 'react';
import { N_MAX, N_MIN, TEMPLATE_MAX_CHARS, countChars } from '@/lib/stream/params';
import type { DraftField } from '@/lib/stream/draft';
import { selectDraftResult, selectIsRunning } from '@/lib/store/selectors';
import { useLessonActions, useLessonStore } from './lesson-store-provider';

interface FieldSpec {
  field: DraftField;
  label: string;
  hint: string;
}

const FIELDS: Record<DraftField, FieldSpec> = {
  n: { field: 'n', label: 'Range n', hint: `range(n): how many messages, ${N_MIN}–${N_MAX}` },
  sleepSeconds: { field: 'sleepSeconds', label: 'Sleep (seconds)', hint: 'time.sleep after every yield, 0–10 s' },
  template: { field: 'template', label: 'Message template', hint: `{i} becomes the loop variable; up to ${TEMPLATE_MAX_CHARS} characters, line breaks allowed` },
};

/** The generator's parameters, checked as you type by the same rules as the route, plus Run / Stop / Reset. */
export function ParamsForm() {
  const draft = useLessonStore((state) => state.draft);
  const showAllErrors = useLessonStore((state) => state.showAllErrors);
  const running = useLessonStore(selectIsRunning);
  const status = useLessonStore((state) => state.status);
  const hasRun = useLessonStore((state) => state.runParams !== null);
  const result = useLessonStore(selectDraftResult);
  const { editDraft, setMode, run, stop, reset, step } = useLessonActions();
  const canStep = useLessonStore((state) => state.stepStreamId !== null && state.status === 'open');
  const stepMode = draft.mode === 'step';
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({});

  const errorFor = (field: DraftField) => (result.ok || !(showAllErrors || touched[field]) ? undefined : result.errors[field]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!run()) {
      const firstInvalid = event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
      firstInvalid?.focus();
    }
  }

  function renderField({ field, label, hint }: FieldSpec, multiline = false) {
    const id = `param-${field}`;
    const error = errorFor(field);
    const props = {
      id,
      name: field,
      value: draft[field],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': `${id}-hint${error ? ` ${id}-error` : ''}`,
      onChange: (event: { target: { value: string } }) => {
        editDraft(field, event.target.value);
        setTouched((t) => ({ ...t, [field]: true }));
      },
      disabled: running,
    };
    return (
      <div className={`field field-${field}`}>
        <label htmlFor={id}>{label}</label>
        {multiline ? (
          <textarea {...props} rows={1} spellCheck={false} />
        ) : (
          <input {...props} inputMode={field === 'n' ? 'numeric' : 'decimal'} autoComplete="off" />
        )}
        <p id={`${id}-hint`} className="field-hint">
          {field === 'template' ? `${hint} (${countChars(draft.template)}/${TEMPLATE_MAX_CHARS})` : hint}
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <form className="params-form" onSubmit={onSubmit} noValidate aria-label="Generator parameters">
      <div className="params-fields">
        {renderField(FIELDS.n)}
        {renderField(FIELDS.sleepSeconds)}
        {renderField(FIELDS.template, true)}
        <div className="field field-mode">
          <span className="field-label" id="param-mode-label">
            Step mode
          </span>
          <button
            type="button"
            role="switch"
            aria-checked={stepMode}
            aria-labelledby="param-mode-label"
            aria-describedby="param-mode-hint"
            className={`switch ${stepMode ? 'switch-on' : ''}`}
            onClick={() => setMode(stepMode ? 'timed' : 'step')}
            disabled={running}
          >
            <span className="switch-thumb" aria-hidden="true" />
            <span>{stepMode ? 'On' : 'Off'}</span>
          </button>
          <p id="param-mode-hint" className="field-hint">
            The server waits at every sleep until you press Step (→)
          </p>
        </div>
      </div>
      <div className="run-controls">
        <button type="submit" className="button button-primary" disabled={running}>
          {status === 'connecting' ? 'Connecting…' : 'Run'}
        </button>
        {stepMode && (
          <button type="button" className="button button-step" onClick={step} disabled={!canStep} aria-keyshortcuts="ArrowRight Space">
            Step
          </button>
        )}
        <button type="button" className="button" onClick={stop} disabled={!running}>
          Stop
        </button>
        <button type="button" className="button" onClick={reset} disabled={!hasRun && !running}>
          Reset
        </button>
      </div>
    </form>
  );
}
