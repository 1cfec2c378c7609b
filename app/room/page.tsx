import Link from 'next/link';
import type { Metadata } from 'next';
import '@/components/room/room.css';

export const metadata: Metadata = { title: 'Teach a class · Stepstream' };

/** `/room`: where a presenter opens a classroom. */
export default function OpenRoomPage() {
  return (
    <main className="room-landing" id="main">
      <p className="brand">Stepstream</p>
      <h1>Teach it live</h1>
      <p>
        Open a room, put its code on the projector, and every student follows your real stream on their own screen: each Step reaches them
        as it happens, a latecomer starts at the step you are on, and polls ask the whole room.
      </p>
      <form method="post" action="/room/open">
        <button type="submit" className="button button-primary">
          Open a room
        </button>
      </form>
      <p>
        A student? <Link href="/join">Join a room</Link>. Just learning? <Link href="/">The lesson</Link>.
      </p>
    </main>
  );
}
