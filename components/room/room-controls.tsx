'use client';

import type { FormEvent } from 'react';
import { validateDraft } from '@/lib/contract/draft';
import { isStepMode } from '@/lib/contract/params';
import { isRoomRunning } from '@/lib/room/state';
import { ActionButton } from '../ui/action-button';
import { DraftInput } from '../ui/draft-input';
import { useLessonStoreApi } from '../lesson/lesson-store-provider';
import { StepModeSwitch } from '../stage/run-controls';
import { useRoomContext } from './room-driver';
import '../stage/params-form.css';

const ROOM_FORM_ID = 'room-params-form';

/** The presenter's form: the generator's parameters for the room's next Run. */
export function RoomParamsForm() {
  const { room } = useRoomContext();
  const run = useRoomRun();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isRoomRunning(room)) void run();
  }
  return (
    <form id={ROOM_FORM_ID} className="params-form" onSubmit={onSubmit} noValidate aria-label="Generator parameters">
      <DraftInput field="n" label="Range n" hint="range(n): how many messages" />
      <DraftInput field="sleepSeconds" label="Sleep (seconds)" hint="time.sleep after each yield, 0–10" inputMode="decimal" />
      <DraftInput field="template" label="Message template" hint="{i} becomes the loop variable" multiline />
    </form>
  );
}

/** Run with the form's parameters: the room's server starts the generator and every screen follows. */
function useRoomRun() {
  const store = useLessonStoreApi();
  const { command } = useRoomContext();
  return async () => {
    const result = validateDraft(store.getState().draft);
    if (!result.ok) {
      store.setState({ showAllErrors: true });
      return;
    }
    store.setState({ showAllErrors: false });
    const { n, delayMs, template, mode } = result.params;
    await command({ type: 'run', params: { n, delay: delayMs, template, mode: mode ?? 'timed' } });
  };
}

/** Run / Step / Stop / Reset for the whole room, and why the last command was refused. */
export function RoomRunControls() {
  const { room, command, commandError } = useRoomContext();
  const running = isRoomRunning(room);
  const canStep = running && room.params !== null && isStepMode(room.params);
  return (
    <div className="room-controls">
      <div className="run-controls" role="group" aria-label="Room controls">
        <ActionButton type="submit" form={ROOM_FORM_ID} className="button button-primary" unavailable={running}>
          Run for the room
        </ActionButton>
        <ActionButton type="button" className="button button-step" onClick={() => void command({ type: 'step' })} unavailable={!canStep}>
          Step
        </ActionButton>
        <ActionButton type="button" className="button" onClick={() => void command({ type: 'stop' })} unavailable={!running}>
          Stop
        </ActionButton>
        <ActionButton type="button" className="button" onClick={() => void command({ type: 'reset' })} unavailable={room.params === null}>
          Reset
        </ActionButton>
      </div>
      <StepModeSwitch />
      <p className="room-command-error" role="alert">
        {commandError}
      </p>
    </div>
  );
}
