'use client';

import { loadAfterHydration } from '../load-after-hydration';

/** The Client choice loads just after the page (the stage comes first); until then the list is in its place. */
export const LazyClientSwitch = loadAfterHydration(
  () => import('./client-switch').then((module) => module.ClientSwitch),
  <p className="client-switch muted">Client: fetch + parser, or EventSource (loading…)</p>,
);
