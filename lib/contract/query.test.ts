import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT, validateDraft } from './draft';
import { DEFAULT_PARAMS, STREAM_ENDS, renderTemplate, type StreamParams } from './params';
import { parseStreamQuery } from './query';
import { toStreamQuery } from './stream-query';

const STREAM_ID = '0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b';
const parse = (query: string, header: string | null = null) => parseStreamQuery(new URLSearchParams(query), header);

describe('parseStreamQuery', () => {
  it('gives the seed parameters for an empty query', () => {
    expect(parseStreamQuery(new URLSearchParams())).toEqual({ ok: true, params: DEFAULT_PARAMS });
  });

  it('reads every parameter at its bounds', () => {
    expect(parseStreamQuery(new URLSearchParams('n=1000&delay=0&template=x'))).toEqual({
      ok: true,
      params: { n: 1000, delayMs: 0, template: 'x' },
    });
  });

  it('round-trips through toStreamQuery', () => {
    const params = { n: 7, delayMs: 125, template: 'a&b={i}\n' };
    expect(parseStreamQuery(toStreamQuery(params))).toEqual({ ok: true, params });
    expect(toStreamQuery(DEFAULT_PARAMS).toString()).toBe('');
  });
});

describe('parseStreamQuery: the wire options', () => {
  it('reads each option at its bounds, and leaves out each one given at its default', () => {
    expect(parse('ids=1&retry=0&end=event&dropAfter=0&buffer=1000')).toEqual({
      ok: true,
      params: { ...DEFAULT_PARAMS, ids: true, retryMs: 0, end: 'event', dropAfter: 0, buffer: 1000 },
    });
    expect(parse('n=5&retry=60000&end=204&dropAfter=4&buffer=2')).toEqual({
      ok: true,
      params: { ...DEFAULT_PARAMS, n: 5, retryMs: 60000, end: '204', dropAfter: 4, buffer: 2 },
    });
    expect(parse('ids=0&end=close&buffer=1')).toEqual({ ok: true, params: DEFAULT_PARAMS });
  });

  it.each([
    ['ids=', 'ids', 'ids must be 0 or 1'],
    ['ids=2', 'ids', 'ids must be 0 or 1'],
    ['ids=true', 'ids', 'ids must be 0 or 1'],
    ['ids=1&ids=1', 'ids', 'ids was given more than once'],
    ['retry=', 'retry', 'retry must not be empty'],
    ['retry=-1', 'retry', 'retry must be between 0 and 60000'],
    ['retry=60001', 'retry', 'retry must be between 0 and 60000'],
    ['retry=1.5', 'retry', 'retry must be a whole number'],
    ['retry=1&retry=2', 'retry', 'retry was given more than once'],
    ['end=', 'end', 'end must be close, event or 204'],
    ['end=CLOSE', 'end', 'end must be close, event or 204'],
    ['end=stop', 'end', 'end must be close, event or 204'],
    ['dropAfter=', 'dropAfter', 'dropAfter must not be empty'],
    ['dropAfter=3', 'dropAfter', 'dropAfter must be between 0 and 2'],
    ['n=10&dropAfter=10', 'dropAfter', 'dropAfter must be between 0 and 9'],
    ['dropAfter=-1', 'dropAfter', 'dropAfter must be between 0 and 2'],
    ['dropAfter=x', 'dropAfter', 'dropAfter must be a whole number'],
    ['buffer=', 'buffer', 'buffer must not be empty'],
    ['buffer=0', 'buffer', 'buffer must be between 1 and 1000'],
    ['buffer=1001', 'buffer', 'buffer must be between 1 and 1000'],
    ['buffer=2.0', 'buffer', 'buffer must be a whole number'],
  ])('refuses ?%s, naming the field', (query, field, error) => {
    expect(parse(query)).toEqual({ ok: false, field, error });
  });

  it('reports the first invalid field in the documented order', () => {
    expect(parse('buffer=0&ids=2&n=0')).toMatchObject({ field: 'n' });
    expect(parse('buffer=0&ids=2')).toMatchObject({ field: 'ids' });
    expect(parse('lastEventId=9&buffer=0')).toMatchObject({ field: 'buffer' });
  });
});

describe('parseStreamQuery: resuming', () => {
  it('resumes after the id in the Last-Event-ID header or the lastEventId parameter', () => {
    expect(parse('', '1')).toEqual({ ok: true, params: DEFAULT_PARAMS, resume: { lastIndex: 1, field: 'Last-Event-ID' } });
    expect(parse('lastEventId=2')).toEqual({ ok: true, params: DEFAULT_PARAMS, resume: { lastIndex: 2, field: 'lastEventId' } });
    expect(parse('lastEventId=0', '0')).toEqual({ ok: true, params: DEFAULT_PARAMS, resume: { lastIndex: 0, field: 'Last-Event-ID' } });
  });

  it('takes <stream-id>/<i> from a step-mode stream with ids, and names the stream', () => {
    expect(parse('mode=step&ids=1', `${STREAM_ID}/2`)).toMatchObject({ ok: true, resume: { lastIndex: 2, streamId: STREAM_ID } });
    expect(parse('mode=step&end=204', `${STREAM_ID}/0`)).toMatchObject({ ok: true, resume: { lastIndex: 0, streamId: STREAM_ID } });
    // Without ids a step stream sends no id, so it resumes by i like any other.
    expect(parse('mode=step', '1')).toMatchObject({ ok: true, resume: { lastIndex: 1 } });
  });

  it.each([
    ['', '3', 'Last-Event-ID', 'Last-Event-ID must be an event id this stream sends: i, with i from 0 to 2'],
    ['', '-1', 'Last-Event-ID', 'Last-Event-ID must be an event id this stream sends: i, with i from 0 to 2'],
    ['', '01', 'Last-Event-ID', 'Last-Event-ID must be an event id this stream sends: i, with i from 0 to 2'],
    ['', 'x', 'Last-Event-ID', 'Last-Event-ID must be an event id this stream sends: i, with i from 0 to 2'],
    ['', '', 'Last-Event-ID', 'Last-Event-ID must not be empty'],
    ['', `${STREAM_ID}/1`, 'Last-Event-ID', 'Last-Event-ID must be an event id this stream sends: i, with i from 0 to 2'],
    ['mode=step&ids=1', '1', 'Last-Event-ID', 'Last-Event-ID must be an event id this stream sends: <stream-id>/<i>, with i from 0 to 2'],
    [
      'mode=step&ids=1',
      `${STREAM_ID}/3`,
      'Last-Event-ID',
      'Last-Event-ID must be an event id this stream sends: <stream-id>/<i>, with i from 0 to 2',
    ],
    ['lastEventId=3', null, 'lastEventId', 'lastEventId must be an event id this stream sends: i, with i from 0 to 2'],
    ['lastEventId=', null, 'lastEventId', 'lastEventId must not be empty'],
    ['lastEventId=1&lastEventId=1', null, 'lastEventId', 'lastEventId was given more than once'],
    ['lastEventId=1', '2', 'lastEventId', 'lastEventId and the Last-Event-ID header name different events'],
  ])('refuses ?%s with Last-Event-ID %j, naming the field %s', (query, header, field, error) => {
    expect(parse(query, header)).toEqual({ ok: false, field, error });
  });

  it('checks the header after every query parameter', () => {
    expect(parse('n=0', 'x')).toMatchObject({ field: 'n' });
    expect(parse('lastEventId=x', 'x')).toMatchObject({ field: 'lastEventId' });
  });
});

/** Any parameters the query can carry, with each option left out at its default as `parseStreamQuery` leaves it. */
const anyParams: fc.Arbitrary<StreamParams> = fc
  .record({
    n: fc.integer({ min: 1, max: 10_000 }),
    delayMs: fc.integer({ min: 0, max: 10_000 }),
    template: fc.string({ minLength: 1, maxLength: 20 }),
    step: fc.boolean(),
    ids: fc.boolean(),
    retryMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
    end: fc.constantFrom(...STREAM_ENDS),
    drop: fc.option(fc.nat(), { nil: undefined }),
    buffer: fc.integer({ min: 1, max: 1000 }),
  })
  .map(({ n, delayMs, template, step, ids, retryMs, end, drop, buffer }) => {
    const params: StreamParams = { n, delayMs, template };
    if (step) params.mode = 'step';
    if (ids) params.ids = true;
    if (retryMs !== undefined) params.retryMs = retryMs;
    if (end !== 'close') params.end = end;
    if (drop !== undefined) params.dropAfter = drop % n;
    if (buffer !== 1) params.buffer = buffer;
    return params;
  });

describe('toStreamQuery', () => {
  it('asks for exactly the parameters it is given, wire options and all', () => {
    fc.assert(
      fc.property(anyParams, (params) => {
        expect(parseStreamQuery(toStreamQuery(params))).toEqual({ ok: true, params });
      }),
      { numRuns: 300 },
    );
  });

  it('adds lastEventId for a fetch client that resumes', () => {
    expect(toStreamQuery({ ...DEFAULT_PARAMS, ids: true }, '1').toString()).toBe('ids=1&lastEventId=1');
    expect(parseStreamQuery(toStreamQuery(DEFAULT_PARAMS, '1'))).toMatchObject({ resume: { lastIndex: 1, field: 'lastEventId' } });
  });
});

describe('renderTemplate', () => {
  it('replaces every {i}', () => {
    expect(renderTemplate('{i}:{i}', 4)).toBe('4:4');
  });
});

describe('validateDraft', () => {
  it('accepts the form defaults as the seed parameters', () => {
    expect(validateDraft({ ...DEFAULT_DRAFT, n: '3', sleepSeconds: '1', template: 'Message {i}', mode: 'timed' })).toEqual({
      ok: true,
      params: DEFAULT_PARAMS,
    });
  });

  it('carries step mode through to the parameters', () => {
    expect(validateDraft({ ...DEFAULT_DRAFT, n: '3', sleepSeconds: '1', template: 'x', mode: 'step' })).toMatchObject({
      params: { mode: 'step' },
    });
  });

  it('turns seconds into whole milliseconds', () => {
    expect(validateDraft({ ...DEFAULT_DRAFT, n: '5', sleepSeconds: '0.25', template: 'x', mode: 'timed' })).toMatchObject({
      params: { delayMs: 250 },
    });
    expect(validateDraft({ ...DEFAULT_DRAFT, n: '5', sleepSeconds: '.5', template: 'x', mode: 'timed' })).toMatchObject({
      params: { delayMs: 500 },
    });
  });

  it.each([
    [{ n: '' }, 'n', 'Range must not be empty'],
    [{ n: 'three' }, 'n', 'Range must be a whole number'],
    [{ n: '10001' }, 'n', 'Range must be between 1 and 10000'],
    [{ sleepSeconds: 'soon' }, 'sleepSeconds', 'Sleep must be a number of seconds, like 1 or 0.25'],
    [{ sleepSeconds: '0.0001' }, 'sleepSeconds', 'Sleep can be at most 3 decimals (whole milliseconds)'],
    [{ sleepSeconds: '11' }, 'sleepSeconds', 'Sleep must be between 0 and 10 seconds'],
    [{ template: '' }, 'template', 'Message template must not be empty'],
    [{ template: 'x'.repeat(201) }, 'template', 'Message template must be at most 200 characters'],
    [{ retryMs: 'soon' }, 'retryMs', 'Retry must be a whole number'],
    [{ retryMs: '60001' }, 'retryMs', 'Retry must be between 0 and 60000'],
    [{ buffer: '0' }, 'buffer', 'Buffer must be between 1 and 1000'],
    [{ dropAfter: '3' }, 'dropAfter', 'Cut after frame must be between 0 and 2'],
  ])('rejects %j with a message on its field', (change, field, message) => {
    const result = validateDraft({ ...DEFAULT_DRAFT, ...change });
    expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });
});

describe('the stream lab in the form', () => {
  it('asks for the seed when every option is off or empty', () => {
    expect(validateDraft(DEFAULT_DRAFT)).toEqual({ ok: true, params: DEFAULT_PARAMS });
  });

  it('turns each option into the parameter the API takes, and back', () => {
    const draft = { ...DEFAULT_DRAFT, ids: true, end: 'event' as const, retryMs: '500', dropAfter: '1', buffer: '2' };
    const result = validateDraft(draft);
    expect(result).toEqual({ ok: true, params: { ...DEFAULT_PARAMS, ids: true, end: 'event', retryMs: 500, dropAfter: 1, buffer: 2 } });
    expect(toStreamQuery(result.ok ? result.params : DEFAULT_PARAMS).toString()).toBe('ids=1&retry=500&end=event&dropAfter=1&buffer=2');
  });

  it('leaves a buffer of 1 out: one frame at a time is no buffering', () => {
    expect(validateDraft({ ...DEFAULT_DRAFT, buffer: '1' })).toEqual({ ok: true, params: DEFAULT_PARAMS });
  });
});
