'use client';

import { roomAnswered } from '@/lib/room/refusals';
import { readRefusal } from '@/lib/http/read-refusal';
import { useEffect } from 'react';
import { ROOM_EVENT, type RoomEntry } from '@/lib/room/protocol';
import type { RoomState } from '@/lib/room/state';
import type { RoomStore } from '@/lib/store/room-store';

/** A message's data as JSON: the room's stream sends nothing else. */
const dataOf = <T>(event: Event) => JSON.parse((event as MessageEvent<string>).data) as T;

/**
 * Follows a room with the browser's own EventSource, into the room's store (lib/store/room-store.ts):
 * the snapshot, then each entry, in order. EventSource reconnects by itself after a lost connection
 * and sends the last id it had as `Last-Event-ID`, so the server sends exactly what was missed;
 * the store skips an entry it already folded.
 */
export function useRoomStream(code: string, store: RoomStore) {
  useEffect(() => {
    const { actions } = store.getState();
    const source = new EventSource(`/api/rooms/${code}/events`);
    source.addEventListener(ROOM_EVENT.snapshot, (event) => actions.applySnapshot(dataOf<RoomState>(event)));
    source.addEventListener(ROOM_EVENT.entry, (event) => void actions.applyEntry(dataOf<RoomEntry>(event)));
    source.addEventListener(ROOM_EVENT.presence, (event) => actions.setPresent(dataOf<{ present: number }>(event).present));
    source.onopen = () => actions.setLink('open');
    source.onerror = () => {
      // CLOSED: the server refused (no such room, full, gone): EventSource will not try again.
      if (source.readyState === EventSource.CLOSED) void explainRefusal(code).then(actions.refuse);
      else actions.setLink('reconnecting');
    };
    return () => source.close();
  }, [code, store]);
}

/** EventSource hides a refusal's body; ask once more with fetch to say why. */
async function explainRefusal(code: string): Promise<string> {
  try {
    const response = await fetch(`/api/rooms/${code}/events`, { method: 'GET', headers: { Accept: 'text/event-stream' } });
    if (response.ok) {
      void response.body?.cancel();
      return 'The connection to the room closed. Reload the page to follow it again.';
    }
    return (await readRefusal(response, roomAnswered)).error;
  } catch {
    return 'The room cannot be reached. Check your connection and reload the page.';
  }
}
