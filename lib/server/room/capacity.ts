import 'server-only';
import { ROOM_DEFAULT_CAPACITY } from '@/lib/room/protocol';

/** How many students may follow one room: `STEPSTREAM_ROOM_CAPACITY` (a whole number ≥ 1), else 500. */
export function roomCapacity(env: Record<string, string | undefined> = process.env): number {
  const raw = env.STEPSTREAM_ROOM_CAPACITY?.trim() ?? '';
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : ROOM_DEFAULT_CAPACITY;
}
