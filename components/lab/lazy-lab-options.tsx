'use client';

import { loadAfterHydration } from '../ui/load-after-hydration';

/** The lab's options load just after the page (the stage comes first); the folded summary stands in. */
export const LazyLabOptions = loadAfterHydration(
  () => import('./lab-options').then((module) => module.LabOptions),
  <p className="lab-options lab-options-loading">Stream lab options</p>,
);
