import Link from 'next/link';
import { LANE_IDS } from '@/lib/compare/lanes';
import { COMPARE_N_MAX } from '@/lib/compare/query';
import { LONG_POLL_TIMEOUT_MS, SCHEDULE_LEAD_MS } from '@/lib/compare/schedule';
import { ClockNote } from './clock-note';
import { CompareAnnouncer } from './compare-announcer';
import { CompareForm } from './compare-form';
import { CompareReading } from './compare-reading';
import { CompareStatus } from './compare-status';
import { CompareStoreProvider } from './compare-store-provider';
import { LaneCard } from './lane-card';
import { SiteHeader } from '../ui/site-header';
import './compare.css';

/**
 * `/compare`: one schedule delivered four ways over real endpoints, with what the browser
 * measured for each, a reading of those figures, and how each figure is measured.
 */
export function ComparePage() {
  return (
    <CompareStoreProvider>
      <SiteHeader brand="Stepstream" title="SSE against polling, side by side">
        <Link href="/" className="compare-back">
          Back to the lesson
        </Link>
      </SiteHeader>
      <main className="compare">
        <CompareAnnouncer />
        <section className="card compare-setup" aria-labelledby="compare-setup-heading">
          <div className="compare-intro">
            <h2 id="compare-setup-heading">One schedule, four ways to deliver it</h2>
            <p>
              n messages, d seconds apart, as the lesson&apos;s generator sends them. Each lane fetches them from this server over real
              requests; your browser counts what each spends and how soon each message reaches the screen.
            </p>
          </div>
          <CompareForm />
          <CompareStatus />
        </section>

        <div className="lanes">
          {LANE_IDS.map((id) => (
            <LaneCard key={id} id={id} />
          ))}
        </div>

        <section className="card" aria-labelledby="reading-heading">
          <h2 id="reading-heading">What the numbers say</h2>
          <CompareReading />
        </section>

        <section className="card small-print" aria-labelledby="small-print-heading">
          <h2 id="small-print-heading">How each figure is measured</h2>
          <dl>
            <dt>Requests</dt>
            <dd>
              Every <code>fetch</code> a lane makes, counted as it leaves. The clock readings below belong to no lane.
            </dd>
            <dt>Bytes on the wire</dt>
            <dd>
              For each request and its answer: the request line and headers as this server received them (a page cannot read the headers its
              browser sends, so the server counts them and returns the figure in a <code>Request-Bytes</code> header, which is counted too;
              the <code>X-Forwarded-*</code> headers the server adds on the way to the route are left out); the answer&apos;s status line
              and headers, rebuilt from <code>fetch</code>&apos;s <code>response.headers</code> as HTTP/1.1 writes them; and its body as it
              arrived, Resource Timing&apos;s <code>encodedBodySize</code> (SSE&apos;s counts up as it streams). Not counted: TCP, IP and
              TLS, the chunk-size lines of chunked transfer encoding (a few bytes per chunk), opening connections, and requests stopped
              before their answer came. Resource Timing&apos;s <code>transferSize</code> is not used: Chromium reports it as the body plus a
              flat 300 bytes for all headers. Over HTTP/2 or HTTP/3 headers are compressed, so there the heads cost less than shown.
            </dd>
            <dt>Latency</dt>
            <dd>
              From the moment a message was ready on the server (start + i × d on the server&apos;s clock, sent with the message) to the
              animation frame that first paints it: <code>performance.now()</code> when that frame&apos;s <code>requestAnimationFrame</code>{' '}
              callback runs, the message already in the page, moved onto the server&apos;s clock. A tab in the background paints nothing, so
              there &ldquo;shown&rdquo; waits until you look.
            </dd>
            <dt>The two clocks</dt>
            <dd>
              Before each run the page asks <code>GET /api/compare/time</code> five times and keeps the quickest answer, as NTP does: the
              server read its clock somewhere during that round trip, so the offset is right to within half of it. <ClockNote />
            </dd>
            <dt>The schedule</dt>
            <dd>
              Message 0 is ready {SCHEDULE_LEAD_MS / 1000} s after Start, so every lane has asked before it; with d a multiple of 250 ms,
              each message then becomes ready between two ticks of both polling lanes rather than on one, where a poll a millisecond early
              or late would swing the figure by a whole interval. The schedule travels in every request&apos;s query, so the server keeps
              nothing per run. A long poll waits {LONG_POLL_TIMEOUT_MS / 1000} s at most. n stops at {COMPARE_N_MAX} here (the lesson takes
              10,000): at 100 messages 10 s apart the 250 ms lane alone makes about 4,000 requests. SSE is read with <code>fetch</code>, as
              the lesson reads its stream: <code>EventSource</code> shows a page no headers to count.
            </dd>
          </dl>
        </section>
      </main>
    </CompareStoreProvider>
  );
}
