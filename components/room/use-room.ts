'use client';

import { useEffect, useRef, useState } from 'react';
import { ROOM_EVENT, type RoomEntry } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntry, type RoomState } from '@/lib/room/state';

/** How the page's own connection to the room stands, as its EventSource says. */
export type RoomLink = 'connecting' | 'open' | 'reconnecting' | 'gone';

export interface RoomView {
  room: RoomState;
  /** How many students follow the room now (every instance counted), or null before the first count. */
  present: number | null;
  link: RoomLink;
  /** Why the room cannot be followed (it does not exist, it is full), when it cannot. */
  problem: string | null;
}

/**
 * Follows a room with the browser's own EventSource: the snapshot, then each entry folded in,
 * in order. EventSource reconnects by itself after a lost connection and sends the last id it
 * had as `Last-Event-ID`, so the server sends exactly what was missed; an entry this page has
 * already folded (its number is not past the room's) is skipped, so none counts twice.
 */
export function useRoom(code: string): RoomView {
  const [view, setView] = useState<RoomView>({ room: EMPTY_ROOM, present: null, link: 'connecting', problem: null });
  const room = useRef<RoomState>(EMPTY_ROOM);

  useEffect(() => {
    const source = new EventSource(`/api/rooms/${code}/events`);
    const update = (patch: Partial<RoomView>) => setView((current) => ({ ...current, room: room.current, ...patch }));
    source.addEventListener(ROOM_EVENT.snapshot, (event) => {
      room.current = JSON.parse((event as MessageEvent<string>).data) as RoomState;
      update({ link: 'open', problem: null });
    });
    source.addEventListener(ROOM_EVENT.entry, (event) => {
      const entry = JSON.parse((event as MessageEvent<string>).data) as RoomEntry;
      if (entry.seq <= room.current.seq) return;
      if (entry.seq !== room.current.seq + 1) {
        // Cannot happen by the server's contract; if it did, a fresh connection starts from a snapshot.
        console.error(`room ${code}: entry ${entry.seq} after ${room.current.seq}`);
        return;
      }
      room.current = applyRoomEntry(room.current, entry);
      update({ link: 'open' });
    });
    source.addEventListener(ROOM_EVENT.presence, (event) => {
      const { present } = JSON.parse((event as MessageEvent<string>).data) as { present: number };
      update({ present });
    });
    source.onopen = () => update({ link: 'open' });
    source.onerror = () => {
      // CLOSED: the server refused (no such room, full, gone): EventSource will not try again.
      if (source.readyState === EventSource.CLOSED) void explainRefusal(code).then((problem) => update({ link: 'gone', problem }));
      else update({ link: 'reconnecting' });
    };
    return () => source.close();
  }, [code]);

  return view;
}

/** EventSource hides a refusal's body; ask once more with fetch to say why. */
async function explainRefusal(code: string): Promise<string> {
  try {
    const response = await fetch(`/api/rooms/${code}/events`, { method: 'GET', headers: { Accept: 'text/event-stream' } });
    if (response.ok) {
      void response.body?.cancel();
      return 'The connection to the room closed. Reload the page to follow it again.';
    }
    const body = (await response.json()) as { error?: string };
    return body.error ?? `The room answered ${response.status}.`;
  } catch {
    return 'The room cannot be reached. Check your connection and reload the page.';
  }
}
