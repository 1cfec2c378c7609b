'use client';

import { STREAM_ENDS, type StreamEnd } from '@/lib/contract/params';
import { selectIsRunning } from '@/lib/store/selectors';
import { DraftInput } from '../ui/draft-input';
import { useLessonStore } from '../lesson/lesson-store-provider';
import { ClientSwitch } from './client-switch';
import './lab-options.css';

const END_LABELS: Record<StreamEnd, string> = {
  close: 'close — just end (the seed)',
  event: 'event — a final event: end',
  '204': '204 — answer the reconnect with 204 No Content',
};

/**
 * The stream lab's options, folded under the form: which client reads the stream, and what the
 * server is asked to add to the seed's bytes (ids, retry, an ending, a cut, buffering). All off
 * by default: the seed's stream, byte for byte. Open by itself when a link set any of them.
 */
export function LabOptions() {
  const draft = useLessonStore((state) => state.draft);
  const transport = useLessonStore((state) => state.transport);
  const running = useLessonStore(selectIsRunning);
  const { setIds, setEnd } = useLessonStore((state) => state.actions);
  const anySet =
    transport !== 'fetch' || draft.ids || draft.end !== 'close' || draft.retryMs !== '' || draft.dropAfter !== '' || draft.buffer !== '';

  return (
    <details className="lab-options" open={anySet || undefined}>
      <summary>Stream lab options</summary>
      <div className="lab-options-body">
        <ClientSwitch />
        <label className="lab-check">
          <input
            type="checkbox"
            checked={draft.ids}
            onChange={(event) => !running && setIds(event.target.checked)}
            aria-describedby="param-ids-hint"
          />{' '}
          Ids{' '}
          <span id="param-ids-hint" className="field-hint">
            every frame carries id: i, so a reconnect can resume
          </span>
        </label>
        <div className="field field-end">
          <label htmlFor="param-end">How the stream ends</label>
          <select id="param-end" value={draft.end} onChange={(event) => !running && setEnd(event.target.value as StreamEnd)}>
            {STREAM_ENDS.map((end) => (
              <option key={end} value={end}>
                {END_LABELS[end]}
              </option>
            ))}
          </select>
        </div>
        <DraftInput field="retryMs" label="Retry (ms)" hint="retry: sent first; empty keeps the browser's own" placeholder="3000" />
        <DraftInput
          field="dropAfter"
          label="Cut after frame"
          hint="the server cuts the connection once, after this frame"
          placeholder="never"
        />
        <DraftInput field="buffer" label="Buffer" hint="frames written together, as a buffering proxy would" placeholder="1" />
      </div>
    </details>
  );
}
