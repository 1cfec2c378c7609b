'use client';

import { checkDelivery } from '@/lib/lab/delivery';
import { selectObservedTrace } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';

const list = (values: number[]) => (values.length === 0 ? 'none' : values.join(', '));

/**
 * Cut the connection mid-stream and watch the client resume: the `Last-Event-ID` it sends, and
 * the proof that every message 0 … n−1 arrived exactly once across the connections.
 */
export function ResumeLab() {
  const trace = useLessonStore(selectObservedTrace);
  const running = useLessonStore((state) => state.status === 'open');
  const transport = useLessonStore((state) => state.runTransport ?? state.transport);
  const cut = useLessonStore((state) => state.actions.cut);
  const rows = trace?.rows ?? [];
  const resumes = rows.filter((row) => row.kind === 'reconnect');
  const hasIds = rows.some((row) => row.kind === 'yield' && /^id: /m.test(row.frame ?? ''));
  const delivery = trace ? checkDelivery(rows, trace.params.n) : null;
  const whole = delivery !== null && delivery.missing.length === 0 && delivery.repeated.length === 0;
  // While the run goes on, the ids still to come are not missing.
  const upTo = Math.max(-1, ...(delivery?.received ?? []));
  const soFarClean = delivery !== null && delivery.repeated.length === 0 && delivery.missing.every((i) => i > upTo);

  return (
    <div className="resume-lab">
      <p>
        With <code>ids</code> on, every frame carries <code>id: i</code>. When a connection breaks, EventSource reconnects and sends the
        last id it received as the <code>Last-Event-ID</code> header; the server resumes at the next message. The fetch client here does the
        same. Cut the connection mid-stream and check that nothing was lost or repeated.
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={!running || transport !== 'fetch' || undefined}
        onClick={() => {
          if (running && transport === 'fetch') cut();
        }}
      >
        Cut the connection
      </button>
      {transport !== 'fetch' && (
        <p className="muted">
          A page cannot cut its own EventSource without closing it for good: use <code>dropAfter</code> to have the server cut it.
        </p>
      )}
      {resumes.length > 0 && (
        <ul className="resume-list">
          {resumes.map((row) => (
            <li key={row.step}>
              Step {row.step}: {row.action}
              {row.resumeFrom !== undefined && (
                <>
                  {' '}
                  — the next request carries <code>Last-Event-ID: {row.resumeFrom}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {delivery && hasIds && (
        <p className={whole || (running && soFarClean) ? 'delivery delivery-ok' : 'delivery delivery-bad'} data-testid="delivery">
          {delivery.connections} connection{delivery.connections === 1 ? '' : 's'}; messages received: {list(delivery.received)}.{' '}
          {whole
            ? `Every message 0–${trace!.params.n - 1} arrived exactly once.`
            : running && soFarClean
              ? `So far 0–${upTo} each exactly once.`
              : `Missing: ${list(delivery.missing)}; repeated: ${list(delivery.repeated)}.`}
        </p>
      )}
    </div>
  );
}
