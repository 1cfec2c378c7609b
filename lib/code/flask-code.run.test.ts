import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/stream/route';
import { highlightLines } from '@/lib/code/highlight';
import { fillSlots } from '@/lib/code/slots';
import { DEFAULT_PARAMS, countChars, type StreamParams } from '@/lib/contract/params';
import { toStreamQuery } from '@/lib/contract/stream-query';
import { flaskSource } from './flask-code';
import { flaskSlotFills, flaskVariant } from './flask-slots';

/** Debian's python3 with its python3-flask package, as CI installs it (scripts/ensure-flask.mjs). */
const PYTHON = '/usr/bin/python3';
const HARNESS = path.join(__dirname, 'flask-harness.py');

interface Sent {
  status: number;
  contentType: string | null;
  body: Buffer;
}

/** The templates a curious student would try first, each with its own n and sleep. */
const NAMED: Array<[string, StreamParams]> = [
  ["the seed's parameters", DEFAULT_PARAMS],
  ['line breaks (LF)', { n: 3, delayMs: 250, template: 'Line A {i}\nLine B {i}' }],
  ['line breaks (CRLF)', { n: 2, delayMs: 0, template: 'Line A {i}\r\nLine B {i}' }],
  ['line breaks (lone CR)', { n: 2, delayMs: 1, template: 'Line A {i}\rLine B {i}' }],
  ['an empty line', { n: 2, delayMs: 1234, template: 'a\n\nb' }],
  ['a trailing CR, and LF then CR', { n: 1, delayMs: 0, template: 'x {i}\r' }],
  ['LF then CR (two breaks, not one)', { n: 1, delayMs: 0, template: 'x\n\ry' }],
  ['nothing but a line break', { n: 2, delayMs: 10_000, template: '\n' }],
  ['quotes of both kinds', { n: 2, delayMs: 500, template: `it's "{i}"` }],
  ['triple quotes, \'\'\' and """', { n: 1, delayMs: 0, template: `''' {i} """` }],
  ['backslashes, a backslash-n and a trailing backslash', { n: 2, delayMs: 0, template: 'C:\\dir\\{i}\\n\\' }],
  ['{{i}}, {i}} and {{i}', { n: 12, delayMs: 0, template: '{{i}} {i}} {{i} {x} {} { i }' }],
  ['emoji and a joined family', { n: 2, delayMs: 0, template: '🎉 {i} 👩‍👩‍👧 é' }],
  ['leading spaces, on the first line and after a break', { n: 2, delayMs: 0, template: '   indented {i}\n  also' }],
  ['control characters: tab, NUL, DEL, form feed', { n: 1, delayMs: 0, template: 'tab\there\0nul\x7f\f' }],
  ['characters other languages treat as line breaks', { n: 1, delayMs: 0, template: 'a\u2028b\u0085c\u000bd' }],
  ['what looks like a field or a frame', { n: 1, delayMs: 0, template: 'ok\n\nevent: hijack\ndata: {i}\rid: 1' }],
  ['a lone surrogate', { n: 1, delayMs: 0, template: 'x \uD800 {i}' }],
  ['200 characters, fifty lines', { n: 2, delayMs: 0, template: '{i}\n'.repeat(50) }],
  ['the largest n', { n: 10_000, delayMs: 0, template: '{i}' }],
];

/** Characters that have broken Python string literals, f-strings or SSE framing somewhere. */
const TRICKY = fc.constantFrom(
  '{',
  '}',
  '{i}',
  'i',
  "'",
  '"',
  '\\',
  '\n',
  '\r',
  '\r\n',
  ' ',
  'a',
  '🎉',
  '\0',
  '\t',
  'data:',
  '\u2028',
  'N',
);
const template = fc.oneof(
  fc.array(TRICKY, { minLength: 1, maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
);
const randomParams = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), delayMs: fc.integer({ min: 0, max: 10_000 }), template })
  .filter((params) => countChars(params.template) <= 200);
/** A fresh batch every run; a failure names its template, so it can join NAMED. */
const RANDOM: Array<[string, StreamParams]> = fc.sample(randomParams, 60).map((params) => [JSON.stringify(params), params]);
/** The stream lab's options, each of which changes the app's lines; some requests resume with `Last-Event-ID`. */
const LAB: Array<[string, StreamParams, Record<string, string>]> = [
  ['ids on', { n: 3, delayMs: 0, template: 'Message {i}', ids: true }, {}],
  ['ids, resumed after id 0', { n: 3, delayMs: 0, template: 'Message {i}', ids: true }, { 'Last-Event-ID': '0' }],
  ['ids, resumed after the last id', { n: 3, delayMs: 0, template: 'Message {i}', ids: true }, { 'Last-Event-ID': '2' }],
  ['retry first', { n: 2, delayMs: 250, template: 'tick {i}', retryMs: 2500 }, {}],
  ['a final event: end', { n: 2, delayMs: 0, template: 'Message {i}', end: 'event' }, {}],
  [
    'ids, retry and event: end, resumed',
    { n: 4, delayMs: 0, template: 'a {i}\nb', ids: true, retryMs: 0, end: 'event' },
    { 'Last-Event-ID': '1' },
  ],
  ['end=204, a first request', { n: 3, delayMs: 0, template: 'Message {i}', end: '204' }, {}],
  ['end=204, resumed midway', { n: 3, delayMs: 0, template: 'Message {i}', end: '204' }, { 'Last-Event-ID': '0' }],
  ['end=204, the reconnect after the last id', { n: 3, delayMs: 0, template: 'Message {i}', end: '204' }, { 'Last-Event-ID': '2' }],
];

const CASES: Array<[string, StreamParams, Record<string, string>]> = [...NAMED, ...RANDOM].map(([name, params]) => [name, params, {}]);
const ALL = [...CASES, ...LAB];

/** The Flask code as the page shows it: its shape's source highlighted once (seed values), its slots filled in. */
async function shownFlaskCode(params: StreamParams): Promise<string> {
  const { resume, retry, end } = flaskVariant(params);
  const shape: StreamParams = {
    ...DEFAULT_PARAMS,
    ...(resume ? { ids: true } : {}),
    ...(retry ? { retryMs: 3000 } : {}),
    ...(end === 'close' ? {} : { end }),
  };
  const seed = flaskSource(shape);
  const lines = await highlightLines(seed.code, 'python');
  return lines
    .map((tokens, line) =>
      fillSlots(tokens, flaskSlotFills(seed.slots, line, params))
        .map((token) => token.text)
        .join(''),
    )
    .join('\n');
}

/** Runs each source with Debian's Flask, each with its request's headers, all in one process. */
function runWithFlask(runs: Array<{ source: string; headers: Record<string, string> }>): Array<Sent & { sleeps: number[] }> {
  const check = spawnSync(PYTHON, ['-c', 'import flask'], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(
      `The shown Flask code can't be checked: ${PYTHON} cannot import flask (${check.error?.message ?? check.stderr.trim()}).\n` +
        "Install Debian's package: sudo apt-get install -y python3-flask (npm test does this as root: scripts/ensure-flask.mjs).",
    );
  }
  const run = spawnSync(PYTHON, [HARNESS], { input: JSON.stringify(runs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`flask-harness.py failed:\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as Array<{ status: number; contentType: string | null; body: string; sleeps: number[] }>;
  return results.map((result) => ({ ...result, body: Buffer.from(result.body, 'base64') }));
}

/** What `GET /api/stream` sends for these parameters (and request headers), start to end, under fake timers (no waiting). */
async function streamed(params: StreamParams, headers: Record<string, string> = {}): Promise<Sent> {
  vi.useFakeTimers();
  const response = GET(new Request(`http://test/api/stream?${toStreamQuery(params)}`, { headers }));
  let done = false;
  const body = new Response(response.body).arrayBuffer().finally(() => (done = true));
  while (!done) await vi.advanceTimersByTimeAsync(Math.max(params.delayMs, 1));
  return { status: response.status, contentType: response.headers.get('content-type'), body: Buffer.from(await body) };
}

describe('the Flask code the page shows, run by Flask', () => {
  const shown = new Map<string, string>();
  const flask = new Map<string, Sent & { sleeps: number[] }>();

  beforeAll(async () => {
    for (const [name, params] of ALL) shown.set(name, await shownFlaskCode(params));
    const results = runWithFlask(ALL.map(([name, , headers]) => ({ source: shown.get(name)!, headers })));
    ALL.forEach(([name], index) => flask.set(name, results[index]!));
  }, 60_000);

  afterEach(() => vi.useRealTimers());

  it('is the source flaskSource builds, for every template and every shape', () => {
    for (const [name, params] of ALL) expect(shown.get(name), name).toBe(flaskSource(params).code);
  });

  it.each(ALL)("sends exactly /api/stream's bytes for %s", async (name, params, headers) => {
    const ours = await streamed(params, headers);
    const theirs = flask.get(name)!;
    expect(theirs.status).toBe(ours.status);
    expect([200, 204]).toContain(ours.status);
    if (ours.status === 200) expect(theirs.contentType).toBe(ours.contentType);
    expect(theirs.body.toString('utf8')).toBe(ours.body.toString('utf8'));
    expect(theirs.body.equals(ours.body)).toBe(true);
  });

  it.each(CASES)('sleeps the delay after every yield for %s', (name, params) => {
    expect(flask.get(name)!.sleeps).toEqual(Array(params.n).fill(params.delayMs / 1000));
  });

  it("keeps the seed's yield line for a single-line template, and every highlighted line in place", () => {
    const seed = flaskSource(DEFAULT_PARAMS);
    const seedLines = seed.code.split('\n');
    expect(seedLines[seed.positions.yield!]).toBe("            yield f'data: Message {i}\\n\\n'");
    for (const [name] of CASES) {
      const lines = shown.get(name)!.split('\n');
      expect(lines, name).toHaveLength(seedLines.length);
      for (const line of Object.values(seed.positions))
        expect(lines[line]!.trimStart().split(/[ (]/)[0], name).toBe(seedLines[line]!.trimStart().split(/[ (]/)[0]);
    }
  });
});
