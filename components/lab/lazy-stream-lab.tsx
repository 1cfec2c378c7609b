'use client';

import { loadWhenNear } from '../ui/load-when-near';

/**
 * The lab sits below the stage: its code loads when a student scrolls or tabs near it. Until then
 * its wire panel neither loads nor renders, so a long run costs the stage nothing for it.
 */
export const LazyStreamLab = loadWhenNear(
  () => import('./stream-lab').then((module) => module.StreamLab),
  <p className="muted">Loading the stream lab…</p>,
);
