import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import type { StreamEvent } from '@/lib/trace/types';

/** The seed's run as a browser records it: the scheduled times plus a little network. Tests share it. */
export const SEED_RUN_EVENTS: StreamEvent[] = expectedEvents(DEFAULT_PARAMS).map((event, k) => ({ ...event, atMs: event.atMs + k * 2.5 }));

export const EXPORTED_AT = '2026-11-25T09:30:00.000Z';
