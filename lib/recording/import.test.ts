import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, N_MAX, type StreamParams } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import type { StreamEvent } from '@/lib/trace/types';
import { checkRecording, readRecording, type RecordingImport } from './import';
import { createRecording, recordingJson } from './recording';
import { MAX_EVENT_TEXT_CHARS, MAX_RECORDING_BYTES, MAX_RECORDING_EVENTS } from './recording-schema';
import { EXPORTED_AT, SEED_RUN_EVENTS } from './runs.fixture';

const seedJson = () => recordingJson(createRecording({ params: DEFAULT_PARAMS, events: SEED_RUN_EVENTS }, EXPORTED_AT));
/** The seed's file, parsed, changed by `edit`, and read back. */
function readEdited(edit: (file: Record<string, unknown> & { events: Array<Record<string, unknown>> }) => void): RecordingImport {
  const file = JSON.parse(seedJson());
  edit(file);
  return checkRecording(file);
}
/** A refusal's message, or a failed test when the file was accepted. */
function refusal(result: RecordingImport): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}
/** A message a person can act on: one or two sentences, not a stack trace or a schema dump. */
function expectSentence(result: RecordingImport) {
  const error = refusal(result);
  expect(error).toMatch(/^[A-Z].*\.$/s);
  expect(error.length).toBeLessThan(400);
}

describe('readRecording accepts what the page downloads', () => {
  it('loads the seed run back with its parameters and events', () => {
    const result = readRecording(seedJson());
    expect(result.ok && result.recording.events).toEqual(SEED_RUN_EVENTS);
    expect(result.ok && result.recording.params).toEqual(DEFAULT_PARAMS);
  });

  /** Runs as the page records them: any valid parameters, jittered times, some stopped early or failing. */
  const recordedRun = fc
    .record({
      n: fc.integer({ min: 1, max: 6 }),
      delayMs: fc.integer({ min: 0, max: 10_000 }),
      template: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
      mode: fc.constantFrom<StreamParams['mode']>(undefined, 'step'),
      ids: fc.constantFrom(undefined, true),
      retryMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
      jitter: fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 8, maxLength: 8 }),
      ending: fc.constantFrom('complete', 'stopped', 'error'),
    })
    .map(({ jitter, ending, ...fields }) => {
      const params = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as StreamParams;
      let elapsed = 0;
      const events: StreamEvent[] = expectedEvents(params).map((event, k) => ({ ...event, atMs: (elapsed += jitter[k] ?? 0) }));
      if (ending !== 'complete') events.pop();
      if (ending === 'stopped') events.push({ type: 'end', atMs: elapsed + 1, reason: 'stopped' });
      if (ending === 'error') events.push({ type: 'error', atMs: elapsed + 1, message: 'the stream reached its time limit' });
      return { params, events };
    })
    .filter(({ params }) => [...params.template].length >= 1);

  it('always accepts a recording the page made, and rebuilds the same rows (fuzzed)', () => {
    fc.assert(
      fc.property(recordedRun, (run) => {
        const recording = createRecording(run, EXPORTED_AT);
        const result = readRecording(recordingJson(recording));
        expect(result).toEqual({ ok: true, recording });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a recording changed at any one place, and either loads it or says why (fuzzed)', () => {
    const base = JSON.parse(seedJson());
    const paths: Array<Array<string | number>> = [];
    const collect = (value: unknown, path: Array<string | number>) => {
      paths.push(path);
      if (typeof value === 'object' && value !== null)
        for (const [key, child] of Object.entries(value)) collect(child, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    collect(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.option(fc.jsonValue(), { nil: undefined }), (path, replacement) => {
        const file = structuredClone(base);
        let parent = file;
        for (const key of path.slice(0, -1)) parent = parent[key];
        if (replacement === undefined) delete parent[path.at(-1)!];
        else parent[path.at(-1)!] = replacement;
        const result = checkRecording(file);
        if (!result.ok) expectSentence(result);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on any JSON text or any value, and refuses each with a sentence (fuzzed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectSentence(readRecording(JSON.stringify(value) ?? ''))),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true }), (value) =>
        expectSentence(checkRecording(value)),
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => expectSentence(readRecording(text))),
      { numRuns: 300 },
    );
  });
});

describe('readRecording refuses a malformed or hostile file, saying why', () => {
  it('refuses text that is not JSON, and names an SVG or page for what it is', () => {
    expect(refusal(readRecording('Step,Action\r\n1,Start'))).toMatch(/^This file is not JSON/);
    expect(refusal(readRecording('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toMatch(/markup \(an SVG or a web page\)/);
    expect(refusal(readRecording(''))).toMatch(/not JSON/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(refusal(readRecording(' '.repeat(MAX_RECORDING_BYTES + 1)))).toMatch(
      /^This file is 16 MB: a trace this page can load is at most 16 MB/,
    );
  });

  it("refuses another format, and a version this page doesn't read", () => {
    expect(refusal(readRecording('{"format":"chrome-trace","version":1}'))).toMatch(/"format" should be "stepstream-trace"/);
    expect(refusal(readRecording('[1,2,3]'))).toMatch(/holds no JSON object/);
    expect(refusal(readEdited((file) => (file.version = 2)))).toMatch(
      /format version 2, from a newer Stepstream; this page reads version 1/,
    );
    expect(refusal(readEdited((file) => (file.version = '1')))).toMatch(/"version" should be 1/);
  });

  it('says where a field is wrong: missing, of the wrong type, negative or too long', () => {
    expect(refusal(readEdited((file) => delete (file as Record<string, unknown>).events))).toMatch(/events is missing/);
    expect(refusal(readEdited((file) => (file.events[1]!.atMs = -1)))).toMatch(/events\[1\]\.atMs must be 0 or more/);
    expect(refusal(readEdited((file) => (file.events[1]!.atMs = '3')))).toMatch(/events\[1\]\.atMs should be a number/);
    expect(refusal(readEdited((file) => (file.events[1]!.data = 'x'.repeat(MAX_EVENT_TEXT_CHARS + 1))))).toMatch(
      /events\[1\]\.data is too long \(at most 4096 characters\)/,
    );
    expect(refusal(readEdited((file) => (file.events[1]!.type = 'exploit')))).toMatch(
      /events\[1\]\.type is not a kind of event a stream sends/,
    );
  });

  it('refuses a time that is not a finite number, which JSON cannot carry but a value can', () => {
    for (const atMs of [Number.NaN, Infinity, -Infinity]) {
      const file = JSON.parse(seedJson());
      file.events[2].atMs = atMs;
      expect(refusal(checkRecording(file))).toMatch(/events\[2\]\.atMs/);
    }
  });

  it('refuses an id or event name holding a line break, which no stream could have sent', () => {
    expect(refusal(readEdited((file) => (file.events[1]!.id = '1\ndata: injected')))).toMatch(/events\[1\]\.id holds a line break/);
  });

  it("refuses parameters the stream's own rules refuse, in the form's words", () => {
    expect(refusal(readEdited((file) => ((file.params as StreamParams).n = N_MAX + 1)))).toMatch(/Range must be between 1 and 10000/);
    expect(refusal(readEdited((file) => ((file.params as StreamParams).template = '')))).toMatch(/Message template must not be empty/);
    expect(refusal(readEdited((file) => ((file.params as StreamParams).delayMs = -5)))).toMatch(/Sleep must be between 0 and 10 seconds/);
  });

  it("refuses events that don't make a run: empty, unfinished, going on after the end, or starting mid-stream", () => {
    expect(refusal(readEdited((file) => (file.events = [])))).toMatch(/events is empty/);
    expect(refusal(readEdited((file) => file.events.pop()))).toMatch(/the run never ends/);
    expect(refusal(readEdited((file) => file.events.push({ type: 'frame', atMs: 4000, data: 'late' })))).toMatch(
      /event 5 ends the run, yet 1 more follow it/,
    );
    expect(refusal(readEdited((file) => file.events.shift()))).toMatch(/the first event must be the connection opening/);
  });

  it('refuses rows or frames changed by hand, which would show a table its events do not make', () => {
    expect(refusal(readEdited((file) => ((file.rows as Array<Record<string, unknown>>)[2]!.dataSent = 'Message 9')))).toMatch(
      /rows\[2\]\.dataSent does not match its events/,
    );
    expect(refusal(readEdited((file) => (file.frames as unknown[]).pop()))).toMatch(/list of frames \(2, where its events make 3\)/);
  });

  it('refuses more events than a run can have', () => {
    const events = [
      { type: 'open', atMs: 0 },
      ...Array.from({ length: MAX_RECORDING_EVENTS }, () => ({ type: 'frame', atMs: 1, data: 'x' })),
    ];
    expect(refusal(readEdited((file) => (file.events = events)))).toMatch(/events is too long \(at most 20000 entries\)/);
  });

  it('takes no part of a __proto__ key and pollutes no prototype', () => {
    const text = seedJson()
      .replace('"format"', '"__proto__": {"polluted": true}, "format"')
      .replace('"n":3', '"__proto__": {"polluted": true}, "n":3');
    const result = readRecording(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.recording.params)).toBe(Object.prototype);
    expect(Object.keys(result.recording.params)).toEqual(['n', 'delayMs', 'template']);
    expect((result.recording.params as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});
