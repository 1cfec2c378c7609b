import { describe, expect, it } from 'vitest';
import { parseSse, readSse, type SseRead } from './read';

const utf8 = new TextEncoder();

/** A byte stream that delivers `chunks` one read each, recording whether it was cancelled. */
function bodyOf(chunks: ReadonlyArray<string | Uint8Array>) {
  const state = { cancelled: false };
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(typeof chunk === 'string' ? utf8.encode(chunk) : chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

async function readAll(body: ReadableStream<Uint8Array>) {
  const reads: SseRead[] = [];
  await readSse(body, (read) => void reads.push(read));
  return reads;
}

describe('readSse', () => {
  it('reports each read with its bytes, its text and what it completed', async () => {
    const { body } = bodyOf(['retry: 500\n\nid: 0\ndata: Mess', 'age 0\n\n: keep-alive\n\n']);
    const reads = await readAll(body);
    expect(reads.map(({ bytes, text, items }) => ({ bytes: bytes?.byteLength, text, items }))).toEqual([
      { bytes: 28, text: 'retry: 500\n\nid: 0\ndata: Mess', items: [{ kind: 'retry', retryMs: 500 }] },
      {
        bytes: 21,
        text: 'age 0\n\n: keep-alive\n\n',
        items: [
          { kind: 'event', id: '0', data: 'Message 0' },
          { kind: 'comment', comment: 'keep-alive' },
        ],
      },
    ]);
  });

  it('keeps a character split between two reads for the second', async () => {
    const bytes = utf8.encode('data: é\n\n');
    const { body } = bodyOf([bytes.subarray(0, 7), bytes.subarray(7)]);
    const reads = await readAll(body);
    expect(reads.map((read) => read.text)).toEqual(['data: ', 'é\n\n']);
    expect(reads[1]!.items).toEqual([{ kind: 'event', data: 'é' }]);
  });

  it('hands over, as a last read without bytes, a message the end of the body completed', async () => {
    const { body } = bodyOf(['data: last\r\r']);
    const reads = await readAll(body);
    expect(reads.map((read) => [read.bytes === null, read.items])).toEqual([
      [false, []],
      [true, [{ kind: 'event', data: 'last' }]],
    ]);
  });

  it('stops, and cancels the body, when the caller says so', async () => {
    const { body, state } = bodyOf(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n']);
    const reads: string[] = [];
    await readSse(body, (read) => {
      reads.push(read.text);
      return false;
    });
    expect(reads).toEqual(['data: 1\n\n']);
    expect(state.cancelled).toBe(true);
  });

  it('rejects when the connection breaks', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8.encode('data: 1\n\n'));
        controller.error(new TypeError('network error'));
      },
    });
    await expect(readAll(body)).rejects.toThrow('network error');
  });
});

describe('parseSse', () => {
  it('parses whole frames as a writer wrote them, names and ids only when present', () => {
    expect(parseSse('data: a\n\nevent: end\ndata: done\n\n')).toEqual([
      { kind: 'event', data: 'a' },
      { kind: 'event', event: 'end', data: 'done' },
    ]);
    expect(parseSse(': shutting down\n\n')).toEqual([{ kind: 'comment', comment: 'shutting down' }]);
  });
});
