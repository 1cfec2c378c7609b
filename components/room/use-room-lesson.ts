'use client';

import { roomAnswered } from '@/lib/room/refusals';
import { readRefusal } from '@/lib/http/read-refusal';
import { useEffect, useRef } from 'react';
import type { RoomCommandBody } from '@/lib/room/commands';
import type { RoomState } from '@/lib/room/state';
import { useLessonStoreApi } from '../lesson/lesson-store-provider';

/**
 * Makes the page's lesson store show the room: its run (parameters, everything its generator did,
 * the connection's state) and, while `following`, the presenter's step. A step chosen on this
 * page (the timeline, a key) goes to `onOwnSeek` instead: the student leaves Follow, the
 * presenter's choice becomes the room's.
 */
export function useRoomLesson(room: RoomState, following: boolean, onOwnSeek: (cursor: number | null) => void) {
  const store = useLessonStoreApi();
  const applying = useRef(false);
  const shownRun = useRef<number | null>(null);
  const ownSeek = useRef(onOwnSeek);
  useEffect(() => {
    ownSeek.current = onOwnSeek;
  });

  useEffect(() => {
    applying.current = true;
    const newRun = shownRun.current !== room.run;
    shownRun.current = room.run;
    store.getState().actions.showRoom(room, { following, newRun });
    applying.current = false;
  }, [store, room, following]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (!applying.current && state.cursor !== previous.cursor) ownSeek.current(state.cursor);
      }),
    [store],
  );
}

/** Sends a presenter's command; the error to show inline when it is refused. */
export async function sendRoomCommand(code: string, command: RoomCommandBody): Promise<string | null> {
  try {
    const response = await fetch(`/api/rooms/${code}/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(command),
    });
    if (response.ok) return null;
    return (await readRefusal(response, roomAnswered)).error;
  } catch {
    return 'The command did not reach the room: check the connection and try again.';
  }
}
