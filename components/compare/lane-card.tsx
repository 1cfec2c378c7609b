'use client';

import { LANES, type LaneId } from '@/lib/compare/lanes';
import { formatExactBytes, formatMs, summarizeLatency } from '@/lib/compare/figures';
import { isLaneDone, latenciesOf } from '@/lib/store/compare/compare-selectors';
import type { CompareStatus, LaneState } from '@/lib/store/compare/compare-state';
import { useCompareStore } from './compare-store-provider';
import './lane-card.css';

/** Where the lane stands, in a few words. */
function laneStateText(lane: LaneState, status: CompareStatus, n: number | null): string {
  if (lane.error) return `Failed: ${lane.error}`;
  if (status === 'idle' || status === 'error' || n === null) return 'Not started';
  if (isLaneDone(lane)) return `Done: all ${n} shown`;
  const shown = lane.messages.length;
  if (status === 'stopped') return `Stopped with ${shown} of ${n} shown`;
  if (lane.received) return `All ${n} received; counting the last bytes`;
  return shown === 0 ? 'Waiting for Message 0' : `${shown} of ${n} shown; waiting for Message ${lane.messages.at(-1)!.i + 1}`;
}

/**
 * One lane: how it asks, its live figures (a small table a screen reader can read row by row) and
 * the messages it has shown, each with its latency. Nothing here is a live region: the figures
 * change several times a second, and the announcer says once when the lane is done.
 */
export function LaneCard({ id }: { id: LaneId }) {
  const lane = LANES[id];
  const state = useCompareStore((store) => store.lanes[id]);
  const status = useCompareStore((store) => store.status);
  const n = useCompareStore((store) => store.run?.schedule.n ?? null);
  const latency = summarizeLatency(latenciesOf(state));
  const bytes = state.headerBytes + state.bodyBytes;
  const headingId = `lane-${id}`;
  const started = status !== 'idle' && n !== null;

  return (
    <section className="card lane" data-kind={lane.kind} aria-labelledby={headingId}>
      <h2 id={headingId}>{lane.label}</h2>
      <p className="lane-how">
        {lane.how} <code>GET {lane.path}</code>
      </p>
      <p className="lane-state" data-done={isLaneDone(state) || undefined} data-failed={state.error ? true : undefined}>
        {laneStateText(state, status, n)}
      </p>
      <table className="lane-figures">
        <caption className="visually-hidden">{lane.label}: what the page measured</caption>
        <tbody>
          <tr>
            <th scope="row">Requests</th>
            <td>{state.requests}</td>
          </tr>
          <tr>
            <th scope="row">Bytes on the wire</th>
            <td>
              {formatExactBytes(bytes)}
              {state.uncounted > 0 && <span className="lane-note"> + {state.uncounted} stopped, not counted</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">of them headers</th>
            <td>
              {formatExactBytes(state.headerBytes)}
              {bytes > 0 && <span className="lane-note"> ({Math.round((100 * state.headerBytes) / bytes)}%)</span>}
            </td>
          </tr>
          <tr>
            <th scope="row">Latency, mean</th>
            <td>{latency ? formatMs(latency.meanMs) : '–'}</td>
          </tr>
          <tr>
            <th scope="row">Latency, worst</th>
            <td>{latency ? formatMs(latency.maxMs) : '–'}</td>
          </tr>
        </tbody>
      </table>
      <ol className="lane-messages" aria-label="Messages shown" data-started={started || undefined}>
        {state.messages.map((message) => (
          <li key={message.i}>
            <span className="lane-message">{message.data}</span>
            {message.shownAt !== null && (
              <>
                <span className="visually-hidden">, shown after</span>{' '}
                <span className="lane-latency">{formatMs(message.shownAt - message.readyAt)}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
