import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { JoinForm } from '@/components/room/join-form';
import { readRoomCode } from '@/lib/room/code';
import '@/components/room/room.css';

export const metadata: Metadata = { title: 'Join a room · Stepstream' };

/**
 * `/join`: a student types the code on the presenter's screen. The form checks it as it is sent;
 * before the page's script has loaded it submits as `/join?code=…`, checked here the same way.
 */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const typed = (await searchParams).code;
  const reading = typeof typed === 'string' ? readRoomCode(typed) : null;
  if (reading?.ok) redirect(`/join/${reading.code}`);
  return (
    <main className="room-landing" id="main">
      <p className="brand">Stepstream</p>
      <h1>Join a room</h1>
      <p>Type the six-character code on the presenter’s screen.</p>
      <JoinForm initialCode={typeof typed === 'string' ? typed : ''} initialError={reading && !reading.ok ? reading.error : null} />
    </main>
  );
}
