'use client';

import type { ConnectionStatus } from '@/lib/store/lesson-store';
import { selectObservedTrace } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';
import { useCountdown } from './use-countdown';

const STATUS_LABELS: Record<ConnectionStatus, string> = {
  idle: 'Idle',
  connecting: 'Connecting',
  open: 'Open',
  closed: 'Closed',
  error: 'Error',
};

/** Client ⇄ server: the connection's state, each frame travelling along the wire, and the sleep counting down. */
export function ConnectionDiagram() {
  const status = useLessonStore((state) => state.status);
  const trace = useLessonStore(selectObservedTrace);
  const rows = trace?.rows ?? [];
  const lastRow = rows.at(-1);
  const frames = rows.filter((row) => row.kind === 'yield');
  const lastFrame = frames.at(-1);
  const total = trace?.params.n ?? null;
  const sleeping = status === 'open' && lastRow?.kind === 'yield' ? (trace?.params.delayMs ?? null) : null;
  const left = useCountdown(lastRow?.step, sleeping);
  const lastIsFinal = lastFrame !== undefined && total !== null && frames.length >= total;

  return (
    <div className={`diagram diagram-${status}`}>
      <div className="diagram-row">
        <div className="node node-client">
          <span className="node-title">Client</span>
          <span className="node-detail">browser, fetch + parser</span>
        </div>
        <div className="wire" aria-hidden="true">
          <div className="wire-line" />
          {status === 'connecting' && <span className="request-dot" />}
          {lastFrame && (
            <span key={lastFrame.step} className="packet">
              {lastFrame.dataSent}
            </span>
          )}
        </div>
        <div className="node node-server">
          <span className="node-title">Server</span>
          <span className="node-detail">generator</span>
        </div>
      </div>
      <p className="diagram-status">
        Connection:{' '}
        <strong className={`state-badge state-${status}`} data-testid="connection-state">
          {STATUS_LABELS[status]}
        </strong>
        {total !== null && (
          <span className="frame-count">
            {' '}
            · frames received {frames.length} of {total}
          </span>
        )}
      </p>
      <p className="diagram-countdown" aria-live="off">
        {left !== null
          ? `time.sleep(${sleeping! / 1000}): ${lastIsFinal ? 'generator ends' : 'next yield'} in ${(left / 1000).toFixed(1)} s`
          : status === 'closed' && lastRow?.kind === 'end'
            ? 'The generator ended, so the server closed the response.'
            : status === 'closed'
              ? 'The client disconnected; the server stopped the generator.'
              : status === 'error'
                ? (lastRow?.action ?? 'The stream failed.')
                : '\u00a0'}
      </p>
    </div>
  );
}
