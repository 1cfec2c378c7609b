'use client';

import { useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { COMPARE_N_MAX, COMPARE_N_MIN, validateCompareDraft, type CompareDraftField } from '@/lib/compare/query';
import { selectBusy } from '@/lib/store/compare/compare-selectors';
import { ActionButton } from '../ui/action-button';
import { useCompareActions, useCompareStore } from './compare-store-provider';

interface FieldSpec {
  field: CompareDraftField;
  label: string;
  hint: string;
  inputMode: 'numeric' | 'decimal';
}

const subscribeToNothing = () => () => {};

const FIELDS: readonly FieldSpec[] = [
  { field: 'n', label: 'Messages n', hint: `${COMPARE_N_MIN}–${COMPARE_N_MAX} here (the lesson takes up to 10,000)`, inputMode: 'numeric' },
  { field: 'seconds', label: 'Sleep d (seconds)', hint: 'between two messages, 0–10', inputMode: 'decimal' },
];

/**
 * n and d, checked as typed by the lanes' own rules, and Start / Stop / Reset. An error is tied to
 * its field (read when the field is focused), not announced at each keystroke; Start with a bad
 * value moves focus to the first bad field and sends nothing.
 */
export function CompareForm() {
  const draft = useCompareStore((state) => state.draft);
  const showAllErrors = useCompareStore((state) => state.showAllErrors);
  const busy = useCompareStore(selectBusy);
  // false on the server and while hydrating: Start works only once the page's script runs.
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const hasRun = useCompareStore((state) => state.status !== 'idle');
  const { edit, start, stop, reset } = useCompareActions();
  const [touched, setTouched] = useState<Partial<Record<CompareDraftField, boolean>>>({});
  const inputs = useRef<Partial<Record<CompareDraftField, HTMLInputElement | null>>>({});
  const result = validateCompareDraft(draft);
  const errorFor = (field: CompareDraftField) => (result.ok || !(showAllErrors || touched[field]) ? undefined : result.errors[field]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!result.ok) {
      const first = FIELDS.find(({ field }) => result.errors[field]);
      if (first) inputs.current[first.field]?.focus();
    }
    start();
  }

  return (
    <form className="compare-form" onSubmit={onSubmit} noValidate aria-label="Schedule">
      {FIELDS.map(({ field, label, hint, inputMode }) => {
        const id = `compare-${field}`;
        const error = errorFor(field);
        return (
          <div key={field} className="compare-field">
            <label htmlFor={id}>{label}</label>
            <input
              ref={(element) => {
                inputs.current[field] = element;
              }}
              id={id}
              name={field}
              value={draft[field]}
              inputMode={inputMode}
              autoComplete="off"
              readOnly={busy}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${error ? `${id}-error ` : ''}${id}-hint`}
              onChange={(event) => {
                edit(field, event.target.value);
                setTouched((was) => ({ ...was, [field]: true }));
              }}
            />
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
            <p id={`${id}-hint`} className="compare-hint">
              {hint}
            </p>
          </div>
        );
      })}
      <div className="compare-controls" role="group" aria-label="Run controls">
        <ActionButton type="submit" className="button button-primary" unavailable={busy || !hydrated}>
          Start
        </ActionButton>
        <ActionButton type="button" className="button" onClick={stop} unavailable={!busy}>
          Stop
        </ActionButton>
        <ActionButton type="button" className="button" onClick={reset} unavailable={!hasRun}>
          Reset
        </ActionButton>
      </div>
    </form>
  );
}
