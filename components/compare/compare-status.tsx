'use client';

import { LANE_IDS } from '@/lib/compare/lanes';
import { formatSeconds } from '@/lib/compare/figures';
import { isLaneDone, selectFinished } from '@/lib/store/compare/compare-selectors';
import { useCompareStore } from './compare-store-provider';

/** One line beside the controls: what the run is doing. Not a live region (the announcer speaks). */
export function CompareStatus() {
  const status = useCompareStore((state) => state.status);
  const error = useCompareStore((state) => state.error);
  const schedule = useCompareStore((state) => state.run?.schedule ?? null);
  const finished = useCompareStore(selectFinished);
  const done = useCompareStore((state) => LANE_IDS.filter((id) => isLaneDone(state.lanes[id])).length);

  let text: string;
  if (status === 'error') text = error ?? 'The run could not start.';
  else if (status === 'syncing') text = "Reading the server's clock…";
  else if (status === 'stopped') text = 'Stopped. The figures so far stay until Reset.';
  else if (status === 'running' && schedule) {
    const plan = `${schedule.n} ${schedule.n === 1 ? 'message' : 'messages'}, ${formatSeconds(schedule.delayMs)} apart`;
    text = finished ? `Done: ${plan}, every lane finished.` : `Running: ${plan}; ${done} of ${LANE_IDS.length} lanes done.`;
  } else text = 'Press Start: all four lanes begin together.';
  return (
    <p className="compare-status" data-status={status} data-finished={finished || undefined}>
      {text}
    </p>
  );
}
