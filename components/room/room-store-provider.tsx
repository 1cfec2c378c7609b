'use client';

import { createRoomStore } from '@/lib/store/room-store';
import { createStoreContext } from '../ui/create-store-context';

const room = createStoreContext('RoomStore', createRoomStore);

/** Holds the followed room's store: the room folded from its stream, and the stream's state. */
export const RoomStoreProvider = room.Provider;
/** Reads the room store; re-renders only when the selected value changes. */
export const useRoomStore = room.useSelected;
export const useRoomStoreApi = room.useStoreApi;
