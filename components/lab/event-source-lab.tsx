'use client';

import { selectObservedTrace } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';
import { LoopEndings } from './loop-endings';
import { ReadyStateTimeline } from './ready-state-timeline';

/**
 * What the browser's own client does with the seed's stream: `new EventSource('/api/stream')`
 * reconnects whenever the response ends, so the three messages come round again, for ever; the
 * readyState bar shows the loop, the counts show what `onmessage` sees of it, and the endings
 * below stop it.
 */
export function EventSourceLab() {
  const trace = useLessonStore(selectObservedTrace);
  const transport = useLessonStore((state) => state.runTransport ?? state.transport);
  const rows = trace?.rows ?? [];
  const reconnects = rows.filter((row) => row.kind === 'reconnect').length;
  const messages = rows.filter((row) => row.kind === 'yield' && !/^event: /m.test(row.frame ?? '')).length;
  const named = rows
    .filter((row) => row.kind === 'yield' && /^event: /m.test(row.frame ?? ''))
    .map((row) => /^event: (.*)$/m.exec(row.frame!)![1]);

  return (
    <div className="event-source-lab">
      <p>
        The seed&apos;s Concept Flow ends &ldquo;Connection closes <em>or repeats</em>&rdquo;. A page that reads the stream with{' '}
        <code>new EventSource(&apos;/api/stream&apos;)</code> sees it repeat: when the generator ends and the response closes, the browser
        waits its retry delay (about 3 s in Chromium, unless the server sends <code>retry:</code>) and asks again, and the messages start
        over.
      </p>
      {transport === 'eventsource' ? (
        <>
          <ReadyStateTimeline />
          <p data-testid="event-source-counts">
            This run: {reconnects} reconnect{reconnects === 1 ? '' : 's'}; <code>onmessage</code> received {messages} message
            {messages === 1 ? '' : 's'}
            {named.length > 0 && (
              <>
                ; it never saw the named event{named.length === 1 ? '' : 's'} {named.map((name) => `'${name}'`).join(', ')}, which only{' '}
                <code>addEventListener(&apos;{named[0]}&apos;, …)</code> receives
              </>
            )}
            .
          </p>
        </>
      ) : (
        <p className="muted">Switch the client to EventSource and run: the table gains a reconnect row each time round.</p>
      )}
      <LoopEndings />
    </div>
  );
}
