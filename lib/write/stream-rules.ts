import type { Finding } from './findings';
import { bytesOf, firstNotText, pyEscape, type WireText, type YieldRecord } from './yields';

/** Rules about the stream as a whole: what Flask can send, the byte order mark, and silence. */

/**
 * How long a stream may send nothing before the checker warns. Proxies and load balancers close
 * idle connections (nginx's proxy_read_timeout is 60 s by default, some load balancers use 30 s or
 * less); a comment every 15 s stays well under all of them.
 */
export const SILENCE_LIMIT_MS = 15_000;

/**
 * `not-text`: Flask sends only `str` (encoded as UTF-8) and `bytes`. Observed with Flask 3.1.3 and
 * Werkzeug 3.1.8 (Debian), serving a generator with Werkzeug's server: at the first other value
 * (int, float, dict, list, tuple, None, even bytearray) the server raises
 * `AssertionError: applications must write bytes`; the frames before it have been sent, then the
 * chunked response is cut off without its last chunk, so the client sees a broken connection. A
 * browser's EventSource then fires `error` and reconnects after its retry delay (HTML §9.2.3, "reestablish the connection").
 */
export function notTextFinding(yields: readonly YieldRecord[]): Finding | null {
  const at = firstNotText(yields);
  const record = yields[at];
  if (!record || record.value.kind !== 'other') return null;
  const { pythonType, repr } = record.value;
  return {
    rule: 'not-text',
    severity: 'error',
    yieldIndex: record.index,
    line: record.line,
    bytes: repr,
    message:
      `Flask can only send str or bytes, and this yield is ${article(pythonType)} ${pythonType} (${repr}). ` +
      'The server stops here with "AssertionError: applications must write bytes": the frames before it arrive, ' +
      'then the connection breaks, and EventSource reconnects and runs your generator again from the start.',
    fix: fixFor(pythonType),
  };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

function fixFor(pythonType: string): string {
  if (pythonType === 'NoneType') return 'A bare `yield` yields None: yield a frame such as f"data: {value}\\n\\n".';
  if (pythonType === 'bytearray' || pythonType === 'memoryview') return 'Convert it first: yield bytes(value).';
  if (pythonType === 'dict' || pythonType === 'list' || pythonType === 'tuple')
    return 'Turn it into text: yield f"data: {json.dumps(value)}\\n\\n".';
  return 'Put it in a frame as text: yield f"data: {value}\\n\\n".';
}

/**
 * `bom`: the WHATWG "UTF-8 decode" strips one U+FEFF at the very start of the stream (HTML §9.2.6),
 * so it never reaches the first field; a second one would stay, inside the first field's name.
 */
export function bomFinding(wire: WireText): Finding | null {
  if (!wire.text.startsWith('\uFEFF')) return null;
  const record = wire.sent.find((_, i) => (wire.starts[i + 1] ?? wire.text.length) > 0)!;
  return {
    rule: 'bom',
    severity: 'info',
    yieldIndex: record.index,
    line: record.line,
    bytes: pyEscape(wire.text.slice(0, wire.text.search(/\r|\n|$/))),
    message:
      'The stream starts with a byte order mark (\\ufeff). The browser removes it before reading, so it never shows up in your data.',
  };
}

/**
 * `silent-endless`: a stretch of at least `SILENCE_LIMIT_MS` in which nothing reached the wire (an
 * empty yield sends no bytes), before a yield or, up to `nowMs`, after the last one.
 */
export function silenceFindings(yields: readonly YieldRecord[], nowMs: number | undefined): Finding[] {
  const findings: Finding[] = [];
  let lastSentMs = 0;
  let last: YieldRecord | null = null;
  const gap = (ms: number, record: YieldRecord | null, before: boolean) => {
    if (ms < SILENCE_LIMIT_MS) return;
    const seconds = Math.round(ms / 1000);
    findings.push({
      rule: 'silent-endless',
      severity: 'warning',
      yieldIndex: record?.index ?? null,
      line: record?.line ?? null,
      bytes: record ? pyEscape(shownText(record)) : '',
      message:
        `Nothing was sent for ${seconds} s ${before ? 'before this yield' : record ? 'after this yield' : 'since the request'}. ` +
        'Proxies and load balancers often close a connection that stays quiet this long, and the browser then reconnects.',
      fix: `Send a comment the browser ignores at least every ${SILENCE_LIMIT_MS / 1000} s while there is nothing to say: yield ": keep-alive\\n\\n".`,
    });
  };
  for (const record of yields) {
    const bytes = bytesOf(record.value);
    if (bytes === null) break;
    if (bytes.length === 0) continue;
    gap(record.atMs - lastSentMs, record, true);
    lastSentMs = record.atMs;
    last = record;
  }
  if (nowMs !== undefined) gap(nowMs - lastSentMs, last, false);
  return findings;
}

const utf8 = new TextDecoder();
const shownText = (record: YieldRecord) => utf8.decode(bytesOf(record.value) ?? new Uint8Array());
