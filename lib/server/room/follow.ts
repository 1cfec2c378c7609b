import 'server-only';
import { ROOM_EVENT, type RoomEntry } from '@/lib/room/protocol';
import type { RoomState } from '@/lib/room/state';
import { encodeEvent } from '@/lib/sse/encode';
import { retryFrame } from '@/lib/sse/frames';
import { withKeepAlive } from '../connection-sink';
import { webSink } from '../event-stream';
import { processState } from '../process-state';
import type { RoomHub } from './hub';

/** A follower that lost its connection (an instance gone, a proxy restarting) tries again after a second, not the browser's 3–5 s. */
export const FOLLOW_RETRY_MS = 1000;

/** How often each process reports its students to the hub and tells its followers the room's head count. */
export const PRESENCE_EVERY_MS = 2000;

export const snapshotFrame = (room: RoomState) =>
  encodeEvent({ event: ROOM_EVENT.snapshot, id: String(room.seq), data: JSON.stringify(room) });
export const entryFrame = (entry: RoomEntry) =>
  encodeEvent({ event: ROOM_EVENT.entry, id: String(entry.seq), data: JSON.stringify(entry) });
const presenceFrame = (present: number) => encodeEvent({ event: ROOM_EVENT.presence, data: JSON.stringify({ present }) });

/** How many students follow `code` through this process now. */
export const studentsHere = (code: string) => processState().roomFollowers.get(code)?.students ?? 0;

/** Counts a follower in (and, by the function it returns, out); starts the presence reports with the first. */
function countFollower(hub: RoomHub, code: string, student: boolean, tell: (present: number) => void): () => void {
  const state = processState();
  const room = state.roomFollowers.get(code) ?? { students: 0, tell: new Set() };
  state.roomFollowers.set(code, room);
  room.students += student ? 1 : 0;
  room.tell.add(tell);
  state.roomPresenceTimer ??= setInterval(() => void reportPresence(hub), PRESENCE_EVERY_MS);
  state.roomPresenceTimer.unref?.();
  void reportRoom(hub, code);
  return () => {
    room.students -= student ? 1 : 0;
    room.tell.delete(tell);
    void hub.reportPresence(code, room.students).catch(() => undefined);
    if (room.tell.size === 0) state.roomFollowers.delete(code);
    if (state.roomFollowers.size === 0 && state.roomPresenceTimer) {
      clearInterval(state.roomPresenceTimer);
      state.roomPresenceTimer = null;
    }
  };
}

async function reportRoom(hub: RoomHub, code: string) {
  const room = processState().roomFollowers.get(code);
  if (!room) return;
  try {
    await hub.reportPresence(code, room.students);
    const present = await hub.present(code);
    for (const tell of room.tell) tell(present);
  } catch {
    // The hub is unreachable for now (Redis restarting): the next report will say.
  }
}

async function reportPresence(hub: RoomHub) {
  await Promise.all([...processState().roomFollowers.keys()].map((code) => reportRoom(hub, code)));
}

/**
 * A follower's event stream: the room as it stands (a `snapshot`), or, for a reconnect whose
 * `Last-Event-ID` the log can still serve, exactly the entries it missed; then every entry as
 * the hub accepts it, each with its number as `id:`; the head count as it changes; a keep-alive
 * comment while nothing else is said. Entries that arrive while the catch-up is read are held
 * and passed on after it, each once.
 */
export function followRoomStream(
  hub: RoomHub,
  code: string,
  lastEventId: number | null,
  student: boolean,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let sent = -1; // the last seq this follower has; -1 until the catch-up is written
      const held: RoomEntry[] = [];
      let lastPresence = -1;
      // The same sink and keep-alive as `/api/stream`'s: a comment after KEEP_ALIVE_MS without a write.
      const sink = withKeepAlive(webSink(controller));

      const write = (frame: string) => {
        if (closed) return;
        try {
          sink.write(frame);
        } catch {
          close();
        }
      };
      const sendSnapshot = async () => {
        const room = await hub.snapshot(code);
        if (!room) return close();
        write(snapshotFrame(room));
        sent = room.seq;
      };
      const pass = (entry: RoomEntry) => {
        if (entry.seq <= sent) return; // had it already
        if (entry.seq > sent + 1) return void sendSnapshot(); // cannot happen by the hub's contract; if it did, start over whole
        write(entryFrame(entry));
        sent = entry.seq;
      };
      const unsubscribe = hub.subscribe(code, (entry) => (sent < 0 ? held.push(entry) : pass(entry)));
      const uncount = countFollower(hub, code, student, (present) => {
        if (present !== lastPresence) write(presenceFrame((lastPresence = present)));
      });

      function close() {
        if (closed) return;
        closed = true;
        processState().roomStreams.delete(endWith);
        unsubscribe();
        uncount();
        signal?.removeEventListener('abort', close);
        try {
          sink.end(); // stops the keep-alive, closes the stream
        } catch {
          // already closed by the reader
        }
      }
      cleanup = close;
      signal?.addEventListener('abort', close, { once: true });
      // At shutdown: a last comment, then the end; the follower's EventSource reconnects (to another instance, behind a balancer) with its Last-Event-ID.
      const endWith = (finalFrame: string) => {
        write(finalFrame);
        close();
      };
      processState().roomStreams.add(endWith);
      write(retryFrame(FOLLOW_RETRY_MS));

      void (async () => {
        try {
          const missed = lastEventId === null ? null : await hub.entriesAfter(code, lastEventId);
          if (missed) {
            for (const entry of missed) write(entryFrame(entry));
            sent = lastEventId! + missed.length;
          } else await sendSnapshot();
          for (const entry of held.splice(0)) pass(entry);
        } catch (error) {
          console.error(`room ${code}: catch-up failed:`, error);
          close();
        }
      })();
    },
    cancel: () => cleanup(),
  });
}
