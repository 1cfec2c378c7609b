import { describe, expect, it } from 'vitest';
import { COMPARE_N_MAX, START_FUTURE_MS, START_PAST_MS, parseLaneQuery, toLaneQuery, validateCompareDraft } from './query';

const NOW = 1_800_000_000_000;
const parse = (query: string) => parseLaneQuery(new URLSearchParams(query), NOW);

describe('a lane query', () => {
  it('reads the schedule, what the client has and its polling interval', () => {
    expect(parse(`start=${NOW}&n=5&delay=250&after=2&every=1000`)).toEqual({
      ok: true,
      query: { schedule: { start: NOW, n: 5, delayMs: 250 }, after: 2, every: 1000 },
    });
  });

  it("takes the seed's 3 messages 1 s apart, nothing received and no interval when only start is given", () => {
    expect(parse(`start=${NOW}`)).toEqual({ ok: true, query: { schedule: { start: NOW, n: 3, delayMs: 1000 }, after: -1, every: null } });
  });

  it('round-trips through its query string', () => {
    const query = { schedule: { start: NOW - 5, n: 7, delayMs: 0 }, after: 6, every: 250 };
    expect(parseLaneQuery(toLaneQuery(query), NOW)).toEqual({ ok: true, query });
  });

  it.each([
    ['', 'start', 'start is required'],
    [`start=${NOW - START_PAST_MS - 1}`, 'start', "start must be within the last hour or the next minute of the server's clock"],
    [`start=${NOW + START_FUTURE_MS + 1}`, 'start', 'start must be within the last hour'],
    ['start=1e12', 'start', 'start must be a whole number'],
    [`start=${NOW}&start=${NOW}`, 'start', 'start was given more than once'],
    [`start=${NOW}&n=0`, 'n', 'n must be between 1 and 100'],
    [`start=${NOW}&n=${COMPARE_N_MAX + 1}`, 'n', 'n must be between 1 and 100'],
    [`start=${NOW}&n=`, 'n', 'n must not be empty'],
    [`start=${NOW}&delay=10001`, 'delay', 'delay must be between 0 and 10000'],
    [`start=${NOW}&delay=1.5`, 'delay', 'delay must be a whole number'],
    [`start=${NOW}&n=3&after=3`, 'after', 'after must be between -1 and 2'],
    [`start=${NOW}&after=-2`, 'after', 'after must be between -1 and 2'],
    [`start=${NOW}&every=50`, 'every', 'every must be between 100 and 10000'],
  ])('refuses %j, naming %s', (query, field, error) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.error).toContain(error);
  });

  it('accepts the edges of the start window', () => {
    expect(parse(`start=${NOW - START_PAST_MS}`).ok).toBe(true);
    expect(parse(`start=${NOW + START_FUTURE_MS}`).ok).toBe(true);
  });
});

describe('the /compare form', () => {
  it('reads n and the sleep in seconds as the lanes take them', () => {
    expect(validateCompareDraft({ n: ' 3 ', seconds: '0.25' })).toEqual({ ok: true, n: 3, delayMs: 250 });
    expect(validateCompareDraft({ n: '100', seconds: '10' })).toEqual({ ok: true, n: 100, delayMs: 10_000 });
  });

  it('names each bad field in words a person can act on', () => {
    expect(validateCompareDraft({ n: '101', seconds: '11' })).toEqual({
      ok: false,
      errors: { n: 'n must be between 1 and 100', seconds: 'Sleep must be between 0 and 10 seconds' },
    });
    expect(validateCompareDraft({ n: 'three', seconds: '' })).toEqual({
      ok: false,
      errors: { n: 'n must be a whole number', seconds: 'Sleep must not be empty' },
    });
  });
});
