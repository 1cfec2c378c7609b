import { toLaneQuery } from './query';
import type { Schedule } from './schedule';

/** The four ways /compare delivers the same schedule. */
export type LaneKind = 'short-poll' | 'long-poll' | 'sse';

export interface Lane {
  id: LaneId;
  kind: LaneKind;
  /** The lane's name on the page (its region's accessible name) and in the reading. */
  label: string;
  /** The same, as a sentence's subject ("short polling every 1 s made 4 requests"). */
  subject: string;
  /** How it asks, in one line. */
  how: string;
  /** The endpoint it calls. */
  path: string;
  /** Short polling's interval in ms; null for the others. */
  everyMs: number | null;
}

export const LANE_IDS = ['poll-1s', 'poll-250ms', 'long-poll', 'sse'] as const;
export type LaneId = (typeof LANE_IDS)[number];

export const POLL_PATH = '/api/compare/poll';
export const LONG_POLL_PATH = '/api/compare/long-poll';
export const SSE_PATH = '/api/compare/sse';
export const TIME_PATH = '/api/compare/time';

export const LANES: Readonly<Record<LaneId, Lane>> = {
  'poll-1s': {
    id: 'poll-1s',
    kind: 'short-poll',
    label: 'Short polling every 1 s',
    subject: 'short polling every 1 s',
    how: 'Asks every second; the answer comes at once, with whatever is ready.',
    path: POLL_PATH,
    everyMs: 1000,
  },
  'poll-250ms': {
    id: 'poll-250ms',
    kind: 'short-poll',
    label: 'Short polling every 250 ms',
    subject: 'short polling every 250 ms',
    how: 'Asks four times a second; the answer comes at once, with whatever is ready.',
    path: POLL_PATH,
    everyMs: 250,
  },
  'long-poll': {
    id: 'long-poll',
    kind: 'long-poll',
    label: 'Long polling',
    subject: 'long polling',
    how: 'Asks, and the server holds the answer until the next message is ready (25 s at most); then asks again.',
    path: LONG_POLL_PATH,
    everyMs: null,
  },
  sse: {
    id: 'sse',
    kind: 'sse',
    label: 'Server-Sent Events',
    subject: 'SSE',
    how: 'Asks once; the server keeps the response open and sends each message as it becomes ready.',
    path: SSE_PATH,
    everyMs: null,
  },
};

/** The address a lane asks, for the client that has everything up to `after`. */
export function laneUrl(lane: Lane, schedule: Schedule, after: number): string {
  return `${lane.path}?${toLaneQuery({ schedule, after, every: lane.everyMs })}`;
}
