import Link from 'next/link';

/** Any unknown address: say so plainly and offer the lesson. */
export default function NotFound() {
  return (
    <main className="not-found">
      <p className="brand">Stepstream</p>
      <h1>There is no page here</h1>
      <p>
        The lesson is at <Link href="/">the home page</Link>; the stream itself is <code>GET /api/stream</code>.
      </p>
    </main>
  );
}
