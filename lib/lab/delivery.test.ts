import { describe, expect, it } from 'vitest';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import type { StreamEvent } from '@/lib/trace/types';
import { checkDelivery } from './delivery';
import { readyStateTimeline } from './ready-state';

const params = { n: 4, delayMs: 100, template: 'Message {i}' };
const frame = (i: number, atMs = i * 100): StreamEvent => ({ type: 'frame', atMs, data: `Message ${i}`, id: String(i) });
const rowsOf = (events: StreamEvent[]) => reduceEvents(emptyTrace(params), events).rows;

const resumed: StreamEvent[] = [
  { type: 'open', atMs: 0 },
  frame(0),
  frame(1),
  { type: 'reconnect', atMs: 150, cause: 'cut', retryMs: 1000, lastEventId: '1' },
  { type: 'open', atMs: 1150 },
  frame(2, 1160),
  frame(3, 1260),
  { type: 'end', atMs: 1400, reason: 'complete' },
];

describe('checkDelivery', () => {
  it('proves a resumed run delivered 0 … n−1 exactly once, over two connections', () => {
    expect(checkDelivery(rowsOf(resumed), 4)).toEqual({ received: [0, 1, 2, 3], missing: [], repeated: [], connections: 2 });
  });

  it('names what a naive restart repeats, and what a cut loses', () => {
    const restarted = resumed.map((event) =>
      event.type === 'frame' && event.atMs > 1000 ? { ...event, id: String(Number(event.id) - 2) } : event,
    );
    expect(checkDelivery(rowsOf(restarted), 4)).toMatchObject({ missing: [2, 3], repeated: [0, 1] });
  });

  it('counts only messages with ids, never a named event', () => {
    const rows = rowsOf([{ type: 'open', atMs: 0 }, frame(0), { type: 'frame', atMs: 5, data: 'done', event: 'end', id: '0' }]);
    expect(checkDelivery(rows, 1).received).toEqual([0]);
  });
});

describe('readyStateTimeline', () => {
  it('goes OPEN, CONNECTING while waiting to reconnect, OPEN again, then CLOSED', () => {
    expect(readyStateTimeline(rowsOf(resumed))).toEqual([
      { state: 'OPEN', fromMs: 0, toMs: 150 },
      { state: 'CONNECTING', fromMs: 150, toMs: 1150 },
      { state: 'OPEN', fromMs: 1150, toMs: 1400 },
      { state: 'CLOSED', fromMs: 1400, toMs: 1400 },
    ]);
  });

  it('is CONNECTING before anything has opened, and leaves the last span open while it lasts', () => {
    expect(readyStateTimeline([])).toEqual([{ state: 'CONNECTING', fromMs: 0, toMs: null }]);
    expect(readyStateTimeline(rowsOf([{ type: 'open', atMs: 0 }, frame(0)]))).toEqual([{ state: 'OPEN', fromMs: 0, toMs: null }]);
  });
});
