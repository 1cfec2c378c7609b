'use client';

import { loadAfterHydration } from '../ui/load-after-hydration';

/** The lab sits below the stage: its code loads once the page is interactive. */
export const LazyStreamLab = loadAfterHydration(
  () => import('./stream-lab').then((module) => module.StreamLab),
  <p className="muted">Loading the stream lab…</p>,
);
