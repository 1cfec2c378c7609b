import { describe, expect, it } from 'vitest';
import { validateDraft } from './draft';
import { DEFAULT_PARAMS, renderTemplate } from './params';
import { parseStreamQuery, toStreamQuery } from './query';

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

describe('renderTemplate', () => {
  it('replaces every {i}', () => {
    expect(renderTemplate('{i}:{i}', 4)).toBe('4:4');
  });
});

describe('validateDraft', () => {
  it('accepts the form defaults as the seed parameters', () => {
    expect(validateDraft({ n: '3', sleepSeconds: '1', template: 'Message {i}', mode: 'timed' })).toEqual({
      ok: true,
      params: DEFAULT_PARAMS,
    });
  });

  it('carries step mode through to the parameters', () => {
    expect(validateDraft({ n: '3', sleepSeconds: '1', template: 'x', mode: 'step' })).toMatchObject({ params: { mode: 'step' } });
  });

  it('turns seconds into whole milliseconds', () => {
    expect(validateDraft({ n: '5', sleepSeconds: '0.25', template: 'x', mode: 'timed' })).toMatchObject({ params: { delayMs: 250 } });
    expect(validateDraft({ n: '5', sleepSeconds: '.5', template: 'x', mode: 'timed' })).toMatchObject({ params: { delayMs: 500 } });
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
  ])('rejects %j with a message on its field', (change, field, message) => {
    const result = validateDraft({ n: '3', sleepSeconds: '1', template: 'Message {i}', mode: 'timed' as const, ...change });
    expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });
});
