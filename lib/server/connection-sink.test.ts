import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_FRAME } from '@/lib/sse/frames';
import { batched, cutting, openConnection, withKeepAlive } from './connection-sink';
import type { FrameSink } from './event-stream';

/** A sink that records every call, in order. */
function recordingSink() {
  const calls: Array<['write' | 'end' | 'cut', string | undefined]> = [];
  const sink: FrameSink = {
    write: (frame) => void calls.push(['write', frame]),
    end: (finalFrame) => void calls.push(['end', finalFrame]),
    cut: (lastFrame) => void calls.push(['cut', lastFrame]),
  };
  return { sink, calls };
}

const frame = (i: number) => `data: ${i}\n\n`;

describe('openConnection', () => {
  it('is the raw sink itself when nothing is asked of it, so the seed’s stream pays for nothing', () => {
    const { sink } = recordingSink();
    expect(openConnection(sink)).toBe(sink);
    expect(openConnection(sink, { prelude: [], batch: 1 })).toBe(sink);
  });

  it('writes the prelude first and at once, never held back by a batch nor counted towards a cut', () => {
    const { sink, calls } = recordingSink();
    const connection = openConnection(sink, { prelude: ['retry: 5\n\n', 'event: stepstream-id\ndata: x\n\n'], batch: 2, cutAfter: 1 });
    expect(calls).toEqual([
      ['write', 'retry: 5\n\n'],
      ['write', 'event: stepstream-id\ndata: x\n\n'],
    ]);
    connection.write(frame(0));
    connection.write(frame(1));
    expect(calls.slice(2)).toEqual([['cut', frame(0) + frame(1)]]);
  });
});

describe('batched', () => {
  it('hands on K frames per write, for any K and any number of frames, and the rest with the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 40 }), (size, count) => {
        const { sink, calls } = recordingSink();
        const connection = batched(sink, size);
        for (let i = 0; i < count; i++) connection.write(frame(i));
        connection.end('event: end\ndata: done\n\n');
        const writes = calls.filter(([kind]) => kind === 'write').map(([, text]) => text!.split('\n\n').length - 1);
        expect(writes).toEqual(Array.from({ length: Math.floor(count / size) }, () => size));
        const rest = Array.from({ length: count % size }, (_, j) => frame(count - (count % size) + j)).join('');
        expect(calls.at(-1)).toEqual(['end', `${rest}event: end\ndata: done\n\n`]);
      }),
    );
  });

  it('ends with no final text when it holds nothing and none is given', () => {
    const { sink, calls } = recordingSink();
    batched(sink, 3).end();
    expect(calls).toEqual([['end', undefined]]);
  });

  it('sends what it holds with the last frame when cut', () => {
    const { sink, calls } = recordingSink();
    const connection = batched(sink, 5);
    connection.write(frame(0));
    connection.cut(frame(1));
    expect(calls).toEqual([['cut', frame(0) + frame(1)]]);
  });
});

describe('cutting', () => {
  it('cuts right after frame K, once, and lets nothing through afterwards, not even a clean end', () => {
    const { sink, calls } = recordingSink();
    const onCut = vi.fn();
    const connection = cutting(sink, 2, onCut);
    for (let i = 0; i < 5; i++) connection.write(frame(i));
    connection.end('event: end\ndata: done\n\n');
    connection.cut(frame(9));
    expect(calls).toEqual([
      ['write', frame(0)],
      ['write', frame(1)],
      ['cut', frame(2)],
    ]);
    expect(onCut).toHaveBeenCalledOnce();
  });

  it('ends cleanly when the stream ends before frame K', () => {
    const { sink, calls } = recordingSink();
    const connection = cutting(sink, 5);
    connection.write(frame(0));
    connection.end();
    expect(calls).toEqual([
      ['write', frame(0)],
      ['end', undefined],
    ]);
  });
});

describe('withKeepAlive', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes `: keep-alive` every 15 s of silence, and a write starts the 15 s again', () => {
    const { sink, calls } = recordingSink();
    const connection = withKeepAlive(sink);
    vi.advanceTimersByTime(14_999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([['write', ': keep-alive\n\n']]);
    vi.advanceTimersByTime(10_000);
    connection.write(frame(0));
    vi.advanceTimersByTime(14_999);
    expect(calls).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(calls.at(-1)).toEqual(['write', KEEP_ALIVE_FRAME]);
    vi.advanceTimersByTime(15_000);
    expect(calls).toHaveLength(4);
  });

  it('takes its interval as an argument, and stops at the end or a cut', () => {
    for (const stop of ['end', 'cut'] as const) {
      const { sink, calls } = recordingSink();
      const connection = withKeepAlive(sink, 100);
      vi.advanceTimersByTime(250);
      expect(calls).toEqual([
        ['write', KEEP_ALIVE_FRAME],
        ['write', KEEP_ALIVE_FRAME],
      ]);
      if (stop === 'end') connection.end();
      else connection.cut(frame(0));
      expect(vi.getTimerCount()).toBe(0);
    }
  });

  it('stops when a keep-alive cannot be written: the client has gone', () => {
    const connection = withKeepAlive(
      {
        write: () => {
          throw new Error('socket gone');
        },
        end: () => {},
        cut: () => {},
      },
      100,
    );
    vi.advanceTimersByTime(100);
    expect(vi.getTimerCount()).toBe(0);
    connection.end();
  });
});
