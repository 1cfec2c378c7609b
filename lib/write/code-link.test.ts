import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCodeLink, encodeCodeLink, MAX_LINK_CHARS, MAX_SOURCE_BYTES } from './code-link';

const SEED_APP = `from flask import Flask, Response
import time

app = Flask(__name__)

def event_stream():
    for i in range(3):
        yield f"data: Message {i}\\n\\n"
        time.sleep(1)

@app.route('/stream')
def stream():
    return Response(event_stream(), mimetype='text/event-stream')
`;

/** A parameter in the link format holding exactly these bytes, compressed. */
async function linkOfBytes(bytes: Uint8Array) {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
  return `z1.${Buffer.from(compressed).toString('base64url')}`;
}

describe('code links', () => {
  it("carry the seed's Flask app back exactly, in a parameter shorter than the code", async () => {
    const parameter = await encodeCodeLink(SEED_APP);
    expect(parameter).toMatch(/^z1\.[A-Za-z0-9_-]+$/);
    expect(parameter.length).toBeLessThan(SEED_APP.length);
    expect(await decodeCodeLink(parameter)).toEqual({ ok: true, source: SEED_APP });
  });

  it('give back any text, whatever its characters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), async (source) => {
        expect(await decodeCodeLink(await encodeCodeLink(source))).toEqual({ ok: true, source });
      }),
      { numRuns: 200 },
    );
  });

  it('refuse, with a sentence, what is not a code link', async () => {
    expect(await decodeCodeLink('print(1)')).toEqual({ ok: false, error: 'This link does not hold code in a form this page knows.' });
    expect(await decodeCodeLink('z1.abc+def')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/characters a code link never contains/),
    });
    expect(await decodeCodeLink(`z1.${'A'.repeat(MAX_LINK_CHARS)}`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/over the 16000/),
    });
  });

  it('refuse a link cut short, saying it does not unpack', async () => {
    const parameter = await encodeCodeLink(SEED_APP);
    const cut = parameter.slice(0, Math.floor(parameter.length / 2));
    expect(await decodeCodeLink(cut)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged or cut short/) });
  });

  it('stop unpacking a small link that would unfold to more than the limit', async () => {
    const bomb = await linkOfBytes(new Uint8Array(8 * MAX_SOURCE_BYTES).fill(0x61));
    expect(bomb.length).toBeLessThan(2000);
    expect(await decodeCodeLink(bomb)).toEqual({
      ok: false,
      error: 'This link’s code unpacks to more than 64 KB, more than this page accepts.',
    });
    // Exactly at the limit is still code.
    const atLimit = await decodeCodeLink(await linkOfBytes(new Uint8Array(MAX_SOURCE_BYTES).fill(0x61)));
    expect(atLimit.ok).toBe(true);
  });

  it('refuse bytes that are not UTF-8 text', async () => {
    expect(await decodeCodeLink(await linkOfBytes(Uint8Array.of(0x70, 0xff, 0x71)))).toEqual({
      ok: false,
      error: 'This link’s code is not text (it is not valid UTF-8).',
    });
  });
});
