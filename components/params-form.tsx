'use client';

import { useState, type FormEvent } from 'react';
import { N_MAX, N_MIN, TEMPLATE_MAX_CHARS, countChars } from '@/lib/contract/params';
import type { DraftField } from '@/lib/contract/draft';
import { selectDraftResult, selectIsRunning } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';
import { useStartRun } from './use-start-run';
import './params-form.css';

/**
 * The form's id. Run sits in the stage bar, outside the form, and submits it with
 * `form="params-form"`: it is the form's default button, so Enter in a field runs too.
 */
export const PARAMS_FORM_ID = 'params-form';

interface FieldSpec {
  field: DraftField;
  label: string;
  hint: string;
}

const FIELDS: Record<DraftField, FieldSpec> = {
  n: { field: 'n', label: 'Range n', hint: `range(n): ${N_MIN}–${N_MAX} messages` },
  sleepSeconds: { field: 'sleepSeconds', label: 'Sleep (seconds)', hint: 'time.sleep after each yield, 0–10' },
  template: { field: 'template', label: 'Message template', hint: `{i} becomes the loop variable; line breaks allowed` },
};

/**
 * The generator's parameters, checked as you type by the same rules as the route. Errors are tied
 * to their field (read when it is focused) rather than announced at every keystroke; Run moves
 * focus to the first invalid field. While a run is under way the fields are read-only, not
 * disabled, so a focused field keeps its focus.
 */
export function ParamsForm() {
  const draft = useLessonStore((state) => state.draft);
  const showAllErrors = useLessonStore((state) => state.showAllErrors);
  const running = useLessonStore(selectIsRunning);
  const result = useLessonStore(selectDraftResult);
  const editDraft = useLessonStore((state) => state.actions.editDraft);
  const startRun = useStartRun();
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({});

  const errorFor = (field: DraftField) => (result.ok || !(showAllErrors || touched[field]) ? undefined : result.errors[field]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!running) startRun();
  }

  function renderField({ field, label, hint }: FieldSpec, multiline = false) {
    const id = `param-${field}`;
    const error = errorFor(field);
    const props = {
      id,
      name: field,
      value: draft[field],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': `${error ? `${id}-error ` : ''}${id}-hint`,
      onChange: (event: { target: { value: string } }) => {
        editDraft(field, event.target.value);
        setTouched((t) => ({ ...t, [field]: true }));
      },
      readOnly: running,
    };
    return (
      <div className={`field field-${field}`}>
        <label htmlFor={id}>{label}</label>
        {multiline ? (
          <textarea {...props} rows={1} spellCheck={false} />
        ) : (
          <input {...props} inputMode={field === 'n' ? 'numeric' : 'decimal'} autoComplete="off" />
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        <p id={`${id}-hint`} className="field-hint">
          {field === 'template' ? `${hint} (${countChars(draft.template)}/${TEMPLATE_MAX_CHARS})` : hint}
        </p>
      </div>
    );
  }

  return (
    <form id={PARAMS_FORM_ID} className="params-form" onSubmit={onSubmit} noValidate aria-label="Generator parameters">
      {renderField(FIELDS.n)}
      {renderField(FIELDS.sleepSeconds)}
      {renderField(FIELDS.template, true)}
    </form>
  );
}
