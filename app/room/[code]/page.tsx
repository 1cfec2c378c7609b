import Link from 'next/link';
import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import QRCode from 'qrcode';
import { LazyLiveAnnouncer } from '@/components/lesson/lazy-live-announcer';
import { LessonFrame, PresenterToggle } from '@/components/lesson/lesson-frame';
import { LessonStoreProvider } from '@/components/lesson/lesson-store-provider';
import { RoomRunControls, RoomParamsForm } from '@/components/room/room-controls';
import { JoinCard } from '@/components/room/join-card';
import { RoomDriver } from '@/components/room/room-driver';
import { PresenterPoll } from '@/components/room/room-poll';
import { RoomStage } from '@/components/room/room-stage';
import { SiteHeader } from '@/components/ui/site-header';
import { isRoomCode } from '@/lib/room/code';
import { presenterCookieName } from '@/lib/room/protocol';
import { roomHub } from '@/lib/server/room/rooms';
import { isPresenterSecret } from '@/lib/server/room/service';
import '@/components/lesson/lesson-layout.css';
import '@/components/room/room.css';
import { ROOM_REFUSALS } from '@/lib/room/refusals';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your room · Stepstream' };

/** The address students open, as this request reached the server (behind a proxy, as the proxy says). */
async function joinAddress(code: string): Promise<string> {
  const incoming = await headers();
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host') ?? 'localhost';
  const protocol = incoming.get('x-forwarded-proto') ?? 'http';
  return `${protocol}://${host}/join/${code}`;
}

/** `/room/{code}`: the presenter's page. Anyone else is sent to the student's. */
export default async function PresenterPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const record = isRoomCode(code) ? await (await roomHub()).find(code).catch(() => null) : null;
  const secret = (await cookies()).get(presenterCookieName(code))?.value;
  if (!record || !isPresenterSecret(record.secretHash, secret)) {
    return (
      <main className="room-landing" id="main">
        <h1>This is not your room</h1>
        <p>
          {record ? ROOM_REFUSALS.notPresenter : ROOM_REFUSALS.noRoom(code)}{' '}
          {record ? <Link href={`/join/${code}`}>Join it as a student</Link> : <Link href="/room">Open a new room</Link>}.
        </p>
      </main>
    );
  }
  const join = await joinAddress(code);
  const qr = await QRCode.toString(join, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return (
    <LessonStoreProvider options={{ audience: 'presenter' }}>
      <LessonFrame>
        <RoomDriver code={code} role="presenter">
          <SiteHeader
            brand="Stepstream · presenting"
            title={
              <>
                Room <span className="room-code">{code}</span>
              </>
            }
          >
            <PresenterToggle />
          </SiteHeader>
          <main id="lesson" className="lesson room-lesson" tabIndex={-1}>
            <LazyLiveAnnouncer />
            <JoinCard join={join} qrSvg={qr} />
            <section className="card setup-card" aria-labelledby="params-heading">
              <h2 id="params-heading">Run the generator for the room</h2>
              <RoomParamsForm />
            </section>
            <RoomStage controls={<RoomRunControls />} audience="presenter" />
            <section className="card room-poll-card" aria-labelledby="poll-heading">
              <h2 id="poll-heading">Live poll</h2>
              <PresenterPoll />
            </section>
          </main>
        </RoomDriver>
      </LessonFrame>
    </LessonStoreProvider>
  );
}
