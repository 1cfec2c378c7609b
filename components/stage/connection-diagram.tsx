'use client';

import { selectDisplayedTrace, selectLessonView, selectStatusOnShow } from '@/lib/store/selectors';
import { wireCaption } from '@/lib/lesson/stage-text';
import { isStepMode } from '@/lib/contract/params';
import { framesSent, lastYieldRow } from '@/lib/trace/reduce';
import { useLessonStore } from '../lesson/lesson-store-provider';
import { useCountdown } from './use-countdown';
import './connection-diagram.css';

/**
 * Client ⇄ server: the latest frame travelling along the wire while the connection is open, and
 * the sleep counting down. A prediction draws an idle wire: nothing is connected.
 */
export function ConnectionDiagram() {
  const status = useLessonStore(selectStatusOnShow);
  const view = useLessonStore(selectLessonView);
  const trace = useLessonStore(selectDisplayedTrace);
  const audience = useLessonStore((state) => state.audience);
  const rows = view === 'prediction' ? [] : trace.rows;
  const lastRow = rows.at(-1);
  const lastFrame = lastYieldRow(rows);
  const stepMode = isStepMode(trace.params);
  const waiting = status === 'open' && (lastRow?.kind === 'yield' || (stepMode && lastRow?.kind === 'start'));
  const timedSleep = view === 'live' && waiting && !stepMode ? trace.params.delayMs : null;
  const left = useCountdown(lastRow?.step, timedSleep);
  const lastIsFinal = lastFrame !== undefined && framesSent(rows) >= trace.params.n;

  return (
    <div className={`diagram diagram-${status}`}>
      <div className="diagram-row">
        <div className="node node-client">
          <span className="node-title">Client</span>
          <span className="node-detail">
            {audience === 'self' ? 'browser: fetch + parser' : 'the room’s server, relayed to every screen'}
          </span>
        </div>
        <div className="wire">
          <div className="wire-line" aria-hidden="true" />
          {status === 'connecting' && <span className="request-dot" />}
          {/* The latest frame rides the wire only while the connection it came on is open. */}
          {lastFrame && status === 'open' && (
            <span key={lastFrame.step} className="packet" aria-hidden="true">
              {lastFrame.dataSent}
            </span>
          )}
          <p className="wire-caption">
            {wireCaption({ view, status, params: trace.params, row: lastRow, lastFrame: lastIsFinal, sleepLeftMs: left })}
          </p>
        </div>
        <div className="node node-server">
          <span className="node-title">Server</span>
          <span className="node-detail">the generator</span>
        </div>
      </div>
    </div>
  );
}
