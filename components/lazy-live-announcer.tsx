'use client';

import { loadAfterHydration } from './load-after-hydration';

/**
 * The announcer's code loads after hydration, before anything can happen to announce. Its two
 * regions are in the HTML from the start (the stand-in below), because a screen reader only
 * follows live regions that were there before their text changed.
 */
export const LazyLiveAnnouncer = loadAfterHydration(
  () => import('./live-announcer').then((module) => module.LiveAnnouncer),
  <>
    <div className="visually-hidden" role="status" data-testid="live-announcer" />
    <div className="visually-hidden" role="alert" data-testid="error-announcer" />
  </>,
);
