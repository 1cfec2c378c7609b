/**
 * Any unknown address: say so plainly and offer the lesson. A plain link, not `next/link`: this
 * boundary sits in the root layout, so whatever it imports ships with every page.
 */
export default function NotFound() {
  return (
    <main className="not-found">
      <p className="brand">Stepstream</p>
      <h1>There is no page here</h1>
      <p>
        {/* A plain <a>, not next/link: this boundary ships with every page, and next/link cost each 3.3 kB. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        The lesson is at <a href="/">the home page</a>; the stream itself is <code>GET /api/stream</code>.
      </p>
    </main>
  );
}
