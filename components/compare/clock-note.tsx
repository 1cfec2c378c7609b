'use client';

import { useCompareStore } from './compare-store-provider';

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** This run's clock offset and protocol, for the small print; before a run, what will be measured. */
export function ClockNote() {
  const run = useCompareStore((state) => state.run);
  if (!run) return <>Each run measures it afresh; its figures appear here.</>;
  const { offsetMs, uncertaintyMs, roundTripMs, samples } = run.clock;
  const direction = offsetMs >= 0 ? 'ahead of' : 'behind';
  return (
    <>
      This run: the server&apos;s clock is {ONE_DECIMAL.format(Math.abs(offsetMs))} ms {direction} this page&apos;s, ±{' '}
      {ONE_DECIMAL.format(uncertaintyMs)} ms (the quickest of {samples} round trips took {ONE_DECIMAL.format(roundTripMs)} ms).
      {run.protocol && <> The lanes&apos; answers came over {run.protocol}.</>}
    </>
  );
}
