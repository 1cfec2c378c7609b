/**
 * A student's code in a link: compressed (DEFLATE, raw) and base64url-encoded, so a whole Flask
 * app fits in the address bar, and read back with limits, so a link can never make the page
 * inflate megabytes (a "zip bomb") or show half a program. Code read from a link is only shown:
 * it runs when the reader presses Run.
 */

/** Marks the format, so a later one can be told apart: "z1." then the data. */
const PREFIX = 'z1.';

/** The longest parameter read: beyond it a browser or a proxy may already have cut the URL. */
export const MAX_LINK_CHARS = 16_000;

/** The most source a link may unfold to, in UTF-8 bytes: far more than a lesson's generator needs. */
export const MAX_SOURCE_BYTES = 64 * 1024;

export type CodeFromLink = { ok: true; source: string } | { ok: false; error: string };

/** The link parameter for `source`. */
export async function encodeCodeLink(source: string): Promise<string> {
  const compressed = new Blob([source]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(new Uint8Array(await new Response(compressed).arrayBuffer()));
}

/** The source a link parameter holds, or a sentence saying why it cannot be read. */
export async function decodeCodeLink(parameter: string): Promise<CodeFromLink> {
  if (parameter.length > MAX_LINK_CHARS) {
    return fail(`This link’s code is ${parameter.length} characters long, over the ${MAX_LINK_CHARS} a link may carry.`);
  }
  if (!parameter.startsWith(PREFIX)) return fail('This link does not hold code in a form this page knows.');
  const bytes = fromBase64Url(parameter.slice(PREFIX.length));
  if (bytes === null) return fail('This link’s code is damaged: it has characters a code link never contains.');
  let inflated: Uint8Array | 'too-big';
  try {
    inflated = await inflateAtMost(bytes, MAX_SOURCE_BYTES);
  } catch {
    return fail('This link’s code is damaged or cut short: it does not unpack.');
  }
  if (inflated === 'too-big')
    return fail(`This link’s code unpacks to more than ${MAX_SOURCE_BYTES / 1024} KB, more than this page accepts.`);
  try {
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return fail('This link’s code is not text (it is not valid UTF-8).');
  }
}

const fail = (error: string): CodeFromLink => ({ ok: false, error });

/** Inflates raw DEFLATE data, reading no further once the output is over `limit` bytes. */
async function inflateAtMost(input: Uint8Array, limit: number): Promise<Uint8Array | 'too-big'> {
  const transform = new DecompressionStream('deflate-raw');
  const writer = transform.writable.getWriter();
  // Errors surface on the reading side; the write's own promise must not be left unhandled.
  void writer.write(input as Uint8Array<ArrayBuffer>).catch(() => {});
  void writer.close().catch(() => {});
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      return 'too-big';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
