import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { LazyLiveAnnouncer } from '@/components/lesson/lazy-live-announcer';
import { LazyKeyMoments } from '@/components/lesson/lazy-key-moments';
import { LessonFrame } from '@/components/lesson/lesson-frame';
import { LessonText } from '@/components/lesson/lesson-text';
import { LessonStoreProvider } from '@/components/lesson/lesson-store-provider';
import { JoinForm } from '@/components/room/join-form';
import { RoomDriver } from '@/components/room/room-driver';
import { StudentPoll } from '@/components/room/room-poll';
import { RoomStage } from '@/components/room/room-stage';
import { SiteHeader } from '@/components/ui/site-header';
import { FollowSwitch, RoomLinkStatus } from '@/components/room/room-status';
import { readRoomCode } from '@/lib/room/code';
import { clientOfRoute } from '@/lib/server/client-address';
import { countJoinMiss, joinLimited } from '@/lib/server/room/join-limit';
import { roomHub } from '@/lib/server/room/rooms';
import '@/components/lesson/lesson-layout.css';
import '@/components/room/room.css';
import { ROOM_REFUSALS } from '@/lib/room/refusals';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Following a room · Stepstream' };

/** Why `code` cannot be joined now, or null when it can. */
async function refusal(code: string): Promise<string | null> {
  const reading = readRoomCode(code);
  if (!reading.ok) return reading.error;
  const client = clientOfRoute(await headers());
  const limited = joinLimited(client);
  if (limited) return limited.message;
  try {
    if (await (await roomHub()).find(reading.code)) return null;
  } catch {
    return ROOM_REFUSALS.unavailable;
  }
  countJoinMiss(client);
  return ROOM_REFUSALS.noRoom(reading.code);
}

/** `/join/{code}`: a student's page, the lesson driven by the room. */
export default async function StudentPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const code = decodeURIComponent(raw);
  const problem = await refusal(code);
  if (problem) {
    return (
      <main className="room-landing" id="main">
        <p className="brand">Stepstream</p>
        <h1>Join a room</h1>
        <JoinForm initialCode={code} initialError={problem} />
      </main>
    );
  }
  return (
    <LessonStoreProvider options={{ audience: 'student' }}>
      <LessonFrame>
        <RoomDriver code={code} role="student">
          <SiteHeader brand={`Stepstream · room ${code}`} title="Server-Sent Events, live with your class">
            <RoomLinkStatus />
          </SiteHeader>
          <main id="lesson" className="lesson room-lesson" tabIndex={-1}>
            <LazyLiveAnnouncer />
            <RoomStage controls={<FollowSwitch />} audience="student" />
            <section className="card room-poll-card" aria-labelledby="poll-heading">
              <h2 id="poll-heading">Live poll</h2>
              <StudentPoll />
            </section>
            <section className="card moments-card" aria-labelledby="moments-heading">
              <h2 id="moments-heading">Key Moments</h2>
              <LazyKeyMoments />
            </section>
            <LessonText />
          </main>
        </RoomDriver>
      </LessonFrame>
    </LessonStoreProvider>
  );
}
