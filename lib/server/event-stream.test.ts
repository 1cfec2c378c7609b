import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEvent } from '@/lib/sse/encode';
import { eventStream, startEventStream } from './event-stream';
import { renderTemplate } from '@/lib/contract/params';

async function framesOf(template: string, n: number) {
  const frames: string[] = [];
  for await (const frame of eventStream({ n, delayMs: 0, template }, async () => {})) frames.push(frame);
  return frames;
}

describe('eventStream', () => {
  it('yields frame i as the template with {i} filled in, then encoded: for any template, line breaks and braces included', async () => {
    const template = fc.string({
      unit: fc.constantFrom('{', 'i', '}', '{i}', '\r', '\n', '\r\n', 'a', ' ', '😀'),
      minLength: 1,
      maxLength: 30,
    });
    await fc.assert(
      fc.asyncProperty(template, fc.integer({ min: 1, max: 12 }), async (text, n) => {
        const expected = Array.from({ length: n }, (_, i) => encodeEvent({ data: renderTemplate(text, i) }));
        expect(await framesOf(text, n)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('sends a template without {i} unchanged every time', async () => {
    expect(await framesOf('tick', 3)).toEqual(['data: tick\n\n', 'data: tick\n\n', 'data: tick\n\n']);
  });
});

describe('startEventStream', () => {
  it('ends the stream quietly when a write throws (the reader has gone): the end, onFinish and no more pumping', async () => {
    const written: string[] = [];
    let ended = 0;
    let finished = 0;
    const sink = {
      write(frame: string) {
        if (written.length === 2) throw new Error('socket gone');
        written.push(frame);
      },
      end: () => void ended++,
      cut: () => expect.unreachable('nothing cuts this stream'),
    };
    const running = startEventStream({ n: 10, delayMs: 0, template: '{i}' }, sink, { onFinish: () => void finished++ });
    const results: boolean[] = [];
    for (let more = true; more;) results.push((more = await running.pump()));
    expect(written).toEqual(['data: 0\n\n', 'data: 1\n\n']);
    expect(results).toEqual([true, true, false]);
    expect([ended, finished]).toEqual([1, 1]);
    expect(await running.pump()).toBe(false);
  });
});

/** A sink and a pacer that log, in one list, every write, sleep and end, in the order they happen. */
function loggingRun(params: { n: number; delayMs: number; template: string }, options: Parameters<typeof startEventStream>[2] = {}) {
  const log: string[] = [];
  const sink = {
    write: (frame: string) => void log.push(frame),
    end: (finalFrame?: string) => void log.push(`end(${finalFrame ?? ''})`),
    cut: () => expect.unreachable('nothing cuts this stream'),
  };
  const pacer = { wait: async (ms: number) => void log.push(`sleep ${ms}`), dispose: () => {} };
  const running = startEventStream(params, sink, { pacer, ...options });
  const drain = async () => {
    while (await running.pump());
    return log;
  };
  return { drain };
}

describe('startEventStream: the wire options', () => {
  it('puts the id template on every frame, filled in with the frame’s i, before its data', async () => {
    expect(await framesOf('A {i}', 2)).toEqual(['data: A 0\n\n', 'data: A 1\n\n']);
    const frames: string[] = [];
    for await (const frame of eventStream({ n: 2, delayMs: 0, template: 'A {i}' }, async () => {}, 'abc/{i}')) frames.push(frame);
    expect(frames).toEqual(['id: abc/0\ndata: A 0\n\n', 'id: abc/1\ndata: A 1\n\n']);
  });

  it('runs a resumed client’s frames through without writing them or sleeping after them', async () => {
    const params = { n: 4, delayMs: 7, template: '{i}' };
    expect(await loggingRun(params).drain()).toEqual([
      'data: 0\n\n',
      'sleep 7',
      'data: 1\n\n',
      'sleep 7',
      'data: 2\n\n',
      'sleep 7',
      'data: 3\n\n',
      'sleep 7',
      'end()',
    ]);
    expect(await loggingRun(params, { resumeAfter: 1 }).drain()).toEqual(['data: 2\n\n', 'sleep 7', 'data: 3\n\n', 'sleep 7', 'end()']);
    expect(await loggingRun(params, { resumeAfter: 3 }).drain()).toEqual(['end()']);
  });

  it('waits for the presenter before a resumed step stream’s first frame, but not when no frame is left', async () => {
    const params = { n: 3, delayMs: 7, template: '{i}' };
    expect(await loggingRun(params, { resumeAfter: 0, sleepBeforeFirstYield: true }).drain()).toEqual([
      'sleep 0',
      'data: 1\n\n',
      'sleep 7',
      'data: 2\n\n',
      'sleep 7',
      'end()',
    ]);
    expect(await loggingRun(params, { resumeAfter: 2, sleepBeforeFirstYield: true }).drain()).toEqual(['end()']);
  });

  it('sends the end frame with the end, after the generator’s last sleep', async () => {
    const log = await loggingRun({ n: 1, delayMs: 5, template: 'x' }, { endFrame: 'event: end\ndata: done\n\n' }).drain();
    expect(log).toEqual(['data: x\n\n', 'sleep 5', 'end(event: end\ndata: done\n\n)']);
  });
});
