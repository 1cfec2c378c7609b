'use client';

import { useState } from 'react';
import { loadAfterHydration } from '../ui/load-after-hydration';
import type { AnnouncerProps } from './live-announcer';

/** What decides what to say: the store subscription and its throttle, loaded after hydration. */
const Announcer = loadAfterHydration<AnnouncerProps>(() => import('./live-announcer').then((module) => module.LiveAnnouncer));

/**
 * The page's one polite status region and one alert region. The regions themselves are in the
 * HTML from the start and never replaced, because a screen reader follows only live regions that
 * were there before their text changed; what fills them loads after hydration.
 */
export function LazyLiveAnnouncer() {
  const [status, setStatus] = useState({ text: '', count: 0 });
  const [alert, setAlert] = useState('');
  // Busy until what fills it has loaded: a screen reader waits, rather than hearing half a story.
  const [ready, setReady] = useState(false);
  return (
    <>
      <div className="visually-hidden" role="status" aria-busy={!ready || undefined} data-testid="live-announcer">
        {/* A new node each time, so the same sentence twice (two runs) is read twice. */}
        <p key={status.count}>{status.text}</p>
      </div>
      <div className="visually-hidden" role="alert" data-testid="error-announcer">
        {alert}
      </div>
      <Announcer
        onStatus={(text) => setStatus((previous) => ({ text, count: previous.count + 1 }))}
        onAlert={setAlert}
        onReady={() => setReady(true)}
      />
    </>
  );
}
