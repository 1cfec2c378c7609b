'use client';

import type { ConnectionStatus } from '@/lib/store/lesson-store';
import { selectDisplayedTrace, selectIsReplaying, selectStatusOnShow } from '@/lib/store/selectors';
import { isStepMode } from '@/lib/stream/params';
import { framesSent, lastYieldRow } from '@/lib/trace/reduce';
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
  const status = useLessonStore(selectStatusOnShow);
  const replaying = useLessonStore(selectIsReplaying);
  const hasRun = useLessonStore((state) => state.runParams !== null);
  const trace = useLessonStore(selectDisplayedTrace);
  const shown = hasRun || replaying;
  const rows = shown ? trace.rows : [];
  const lastRow = rows.at(-1);
  const framesReceived = framesSent(rows);
  const lastFrame = lastYieldRow(rows);
  const total = shown ? trace.params.n : null;
  const stepMode = isStepMode(trace.params);
  const waiting = status === 'open' && (lastRow?.kind === 'yield' || (stepMode && lastRow?.kind === 'start'));
  const live = !replaying;
  const timedSleep = live && waiting && !stepMode ? trace.params.delayMs : null;
  const left = useCountdown(lastRow?.step, timedSleep);
  const lastIsFinal = lastFrame !== undefined && total !== null && framesReceived >= total;

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
            · frames received {framesReceived} of {total}
          </span>
        )}
      </p>
      <p className="diagram-countdown">{countdownText()}</p>
    </div>
  );

  function countdownText(): string {
    if (replaying) return `Replaying the recording at step ${lastRow?.step ?? 0}.`;
    if (waiting && stepMode) return `Waiting for the presenter: press Step (→) and the server yields ${lastIsFinal ? 'the end' : 'the next frame'}.`;
    if (left !== null) return `time.sleep(${trace.params.delayMs / 1000}): ${lastIsFinal ? 'generator ends' : 'next yield'} in ${(left / 1000).toFixed(1)} s`;
    if (status === 'closed' && lastRow?.kind === 'end') return 'The generator ended, so the server closed the response.';
    if (status === 'closed') return 'The client disconnected; the server stopped the generator.';
    if (status === 'error') return lastRow?.action ?? 'The stream failed.';
    return '\u00a0';
  }
}
