'use client';

import { selectReading } from '@/lib/store/compare/compare-selectors';
import { useCompareStore } from './compare-store-provider';

/** The reading of this run's figures, written once every lane is done (lib/compare/reading.ts). */
export function CompareReading() {
  const reading = useCompareStore(selectReading);
  const status = useCompareStore((state) => state.status);
  if (reading) return <p className="compare-reading">{reading}</p>;
  return (
    <p className="muted">
      {status === 'stopped'
        ? 'This run was stopped before every lane had shown every message, so there is nothing to compare. Start again to measure a whole run.'
        : 'Once every lane has shown every message, this paragraph reads out what they spent and how long they took.'}
    </p>
  );
}
