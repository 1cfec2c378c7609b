'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RoomCommandBody } from '@/lib/room/commands';
import type { RoomStoreState } from '@/lib/store/room-store';
import { RoomStoreProvider, useRoomStore, useRoomStoreApi } from './room-store-provider';
import { useRoomStream } from './use-room';
import { sendRoomCommand, useRoomLesson } from './use-room-lesson';

export type RoomRole = 'presenter' | 'student';

/** The followed room as the page's parts read it. */
export type RoomView = Pick<RoomStoreState, 'room' | 'present' | 'link' | 'problem'>;

interface RoomContextValue extends RoomView {
  code: string;
  role: RoomRole;
  following: boolean;
  setFollowing: (following: boolean) => void;
  /** The presenter's commands; the last refusal is `commandError`. */
  command: (command: RoomCommandBody) => Promise<boolean>;
  commandError: string | null;
}

const RoomContext = createContext<RoomContextValue | null>(null);

/** The room this page follows, and (for its presenter) how to command it. Throws outside `RoomDriver`. */
export function useRoomContext(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoomContext must be used inside <RoomDriver>');
  return value;
}

/**
 * Follows the room `code` and drives the page's lesson store from it. A student follows the
 * presenter's step until they move the timeline themselves (Follow turns off; the switch snaps
 * back); the presenter's own timeline moves the whole room.
 */
export function RoomDriver({ code, role, children }: { code: string; role: RoomRole; children: ReactNode }) {
  return (
    <RoomStoreProvider>
      <FollowedRoom code={code} role={role}>
        {children}
      </FollowedRoom>
    </RoomStoreProvider>
  );
}

function FollowedRoom({ code, role, children }: { code: string; role: RoomRole; children: ReactNode }) {
  useRoomStream(code, useRoomStoreApi());
  const view: RoomView = useRoomStore(useShallow(({ room, present, link, problem }) => ({ room, present, link, problem })));
  const [following, setFollowing] = useState(true);
  const [commandError, setCommandError] = useState<string | null>(null);

  const command = useCallback(
    async (body: RoomCommandBody) => {
      const error = await sendRoomCommand(code, body);
      setCommandError(error);
      return error === null;
    },
    [code],
  );

  const onOwnSeek = useCallback(
    (cursor: number | null) => {
      if (role === 'presenter') void command({ type: 'seek', step: cursor });
      else setFollowing(false);
    },
    [role, command],
  );
  useRoomLesson(view.room, role === 'presenter' || following, onOwnSeek);

  const value = useMemo(
    () => ({ ...view, code, role, following, setFollowing, command, commandError }),
    [view, code, role, following, command, commandError],
  );
  return <RoomContext.Provider value={value}>{children}</RoomContext.Provider>;
}
