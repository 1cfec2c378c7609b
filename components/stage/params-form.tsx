'use client';

import type { FormEvent } from 'react';
import { N_MAX, N_MIN, TEMPLATE_MAX_CHARS, countChars } from '@/lib/contract/params';
import { selectIsRunning } from '@/lib/store/selectors';
import { DraftInput } from '../ui/draft-input';
import { LazyLabOptions } from '../lab/lazy-lab-options';
import { useLessonStore } from '../lesson/lesson-store-provider';
import { useStartRun } from './use-start-run';
import './params-form.css';

/**
 * The form's id. Run sits in the stage bar, outside the form, and submits it with
 * `form="params-form"`: it is the form's default button, so Enter in a field runs too.
 */
export const PARAMS_FORM_ID = 'params-form';

/** The generator's parameters (and, folded away, the stream lab's options), checked as you type by the route's rules. */
export function ParamsForm() {
  const running = useLessonStore(selectIsRunning);
  const templateChars = useLessonStore((state) => countChars(state.draft.template));
  const startRun = useStartRun();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!running) startRun();
  }

  return (
    <form id={PARAMS_FORM_ID} className="params-form" onSubmit={onSubmit} noValidate aria-label="Generator parameters">
      <DraftInput field="n" label="Range n" hint={`range(n): ${N_MIN}–${N_MAX} messages`} />
      <DraftInput field="sleepSeconds" label="Sleep (seconds)" hint="time.sleep after each yield, 0–10" inputMode="decimal" />
      <DraftInput
        field="template"
        label="Message template"
        hint={`{i} becomes the loop variable; line breaks allowed (${templateChars}/${TEMPLATE_MAX_CHARS})`}
        multiline
      />
      <LazyLabOptions />
    </form>
  );
}
