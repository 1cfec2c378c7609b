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
