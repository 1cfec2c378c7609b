import { LANES, LANE_IDS, type LaneId } from '@/lib/compare/lanes';
import type { LaneFigures } from '@/lib/compare/figures';
import { compareReading } from '@/lib/compare/reading';
import type { CompareState, LaneState } from './compare-state';

/** A lane is done once it has every message, each painted, and every answer's size is counted. */
export const isLaneDone = (lane: LaneState): boolean =>
  lane.received && lane.measuring === 0 && lane.messages.every((message) => message.shownAt !== null);

/** Every lane is done: the run's figures are final. */
export const selectFinished = (state: CompareState): boolean =>
  state.status === 'running' && LANE_IDS.every((id) => isLaneDone(state.lanes[id]));

/** Something is under way that Stop would end: the clock being measured, or a lane neither done nor failed. */
export const selectBusy = (state: CompareState): boolean =>
  state.status === 'syncing' ||
  (state.status === 'running' && LANE_IDS.some((id) => !isLaneDone(state.lanes[id]) && !state.lanes[id].error));

/** Each message's latency, from ready on the server to painted on the page, in the order of `i`. */
export const latenciesOf = (lane: LaneState): number[] =>
  lane.messages.flatMap((message) => (message.shownAt === null ? [] : [message.shownAt - message.readyAt]));

export const laneFigures = (id: LaneId, lane: LaneState): LaneFigures => ({
  lane: LANES[id],
  requests: lane.requests,
  headerBytes: lane.headerBytes,
  bodyBytes: lane.bodyBytes,
  latenciesMs: latenciesOf(lane),
});

/** The reading, once every lane is done; null before. */
export function selectReading(state: CompareState): string | null {
  if (!state.run || !selectFinished(state)) return null;
  const { n, delayMs } = state.run.schedule;
  return compareReading({ n, delayMs, lanes: LANE_IDS.map((id) => laneFigures(id, state.lanes[id])) });
}
