'use client';

import { selectIsRunning } from '@/lib/store/selectors';
import type { Transport } from '@/lib/store/stream-connection-types';
import { useLessonStore } from '../lesson/lesson-store-provider';

const CLIENTS: Array<{ value: Transport; label: string; hint: string }> = [
  { value: 'fetch', label: 'fetch + parser', hint: 'reads the bytes; stops when the response ends' },
  { value: 'eventsource', label: 'EventSource', hint: "the browser's own; reconnects when it ends" },
];

/** Which client reads the stream on the next Run: this page's fetch reader, or the browser's EventSource. */
export function ClientSwitch() {
  const transport = useLessonStore((state) => state.transport);
  const running = useLessonStore(selectIsRunning);
  const setTransport = useLessonStore((state) => state.actions.setTransport);
  return (
    <fieldset className="client-switch">
      <legend>Client</legend>
      {CLIENTS.map(({ value, label, hint }) => (
        <label key={value} className="client-option">
          <input
            type="radio"
            name="client"
            value={value}
            checked={transport === value}
            aria-describedby={`client-${value}-hint`}
            // Read-only while a run goes on: the run keeps the client it started with.
            onChange={() => !running && setTransport(value)}
          />
          <span>
            {label}{' '}
            <span id={`client-${value}-hint`} className="field-hint">
              {hint}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
