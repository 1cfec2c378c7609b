'use client';

import { useState } from 'react';
import type { DraftField } from '@/lib/contract/draft';
import { selectDraftResult, selectIsRunning } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';

export interface DraftInputProps {
  field: DraftField;
  label: string;
  hint: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
}

/**
 * One text field of the parameters form, checked as you type by the route's rules. Its error is
 * tied to it (read when it is focused) rather than announced at every keystroke, and shows once
 * the field was edited or Run was pressed. While a run is under way it is read-only, not
 * disabled, so a focused field keeps its focus.
 */
export function DraftInput({ field, label, hint, multiline = false, inputMode = 'numeric', placeholder }: DraftInputProps) {
  const value = useLessonStore((state) => state.draft[field]);
  const showAllErrors = useLessonStore((state) => state.showAllErrors);
  const running = useLessonStore(selectIsRunning);
  const fieldError = useLessonStore((state) => {
    const result = selectDraftResult(state);
    return result.ok ? undefined : result.errors[field];
  });
  const editDraft = useLessonStore((state) => state.actions.editDraft);
  const [touched, setTouched] = useState(false);
  const id = `param-${field}`;
  const error = showAllErrors || touched ? fieldError : undefined;
  const props = {
    id,
    name: field,
    value,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': `${error ? `${id}-error ` : ''}${id}-hint`,
    onChange: (event: { target: { value: string } }) => {
      editDraft(field, event.target.value);
      setTouched(true);
    },
    readOnly: running,
  };
  return (
    <div className={`field field-${field}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...props} rows={1} spellCheck={false} /> : <input {...props} inputMode={inputMode} autoComplete="off" />}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
