import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARED_STATE, readShareUrl, writeShareUrl } from './share-url';

describe('share links', () => {
  it('are plain / for the seed lesson', () => {
    expect(writeShareUrl(DEFAULT_SHARED_STATE)).toBe('');
    expect(readShareUrl('')).toEqual({ state: DEFAULT_SHARED_STATE, notices: [] });
  });

  it('round-trip parameters, mode, step, presenter mode, the client and quiz', () => {
    const state = {
      params: { n: 5, delayMs: 500, template: 'Hi {i} & bye', mode: 'step' as const },
      cursor: 3,
      presenting: true,
      transport: 'eventsource' as const,
      closeAfterLast: true,
      quiz: 42,
    };
    const search = writeShareUrl(state);
    expect(search).toBe('?n=5&delay=500&template=Hi+%7Bi%7D+%26+bye&mode=step&step=3&present=1&client=eventsource&close=last&quiz=42');
    expect(readShareUrl(search)).toEqual({ state, notices: [] });
  });

  it('fall back to defaults for invalid values, saying which and why', () => {
    const { state, notices } = readShareUrl('?n=abc&delay=500&step=zero&quiz=x&mode=fast');
    expect(state).toEqual({ ...DEFAULT_SHARED_STATE, params: { n: 3, delayMs: 500, template: 'Message {i}' } });
    expect(notices).toEqual([
      'The link’s n is not valid (n must be a whole number), so it is 3.',
      'The link’s mode is not valid (mode must be timed, step or predict), so it is timed.',
      'The link’s step is not a step number, so it shows the whole table.',
      'The link’s quiz is not a quiz number, so here are the lesson’s own questions.',
    ]);
  });

  it('clamp a step outside the run to its first or last step, saying so', () => {
    expect(readShareUrl('?step=0')).toEqual({
      state: { ...DEFAULT_SHARED_STATE, cursor: 1 },
      notices: ['The link’s step 0 is before the first step, so it shows step 1.'],
    });
    expect(readShareUrl('?step=-1').state.cursor).toBe(1);
    expect(readShareUrl('?step=99')).toEqual({
      state: { ...DEFAULT_SHARED_STATE, cursor: 5 },
      notices: ['The link’s step 99 is past the last step of this run (5), so it shows step 5.'],
    });
    // The last step depends on the link's own range.
    expect(readShareUrl('?n=10&step=12')).toEqual({
      state: { ...DEFAULT_SHARED_STATE, params: { ...DEFAULT_SHARED_STATE.params, n: 10 }, cursor: 12 },
      notices: [],
    });
    expect(writeShareUrl(readShareUrl('?step=99').state)).toBe('?step=5');
  });

  it("carry the stream lab: ids, retry, ending, cut and buffer, each checked by the API, a cut against the link's own range", () => {
    const { state, notices } = readShareUrl('?n=5&ids=1&retry=500&end=204&dropAfter=3&buffer=2&client=eventsource');
    expect(notices).toEqual([]);
    expect(state.params).toEqual({ ...DEFAULT_SHARED_STATE.params, n: 5, ids: true, retryMs: 500, end: '204', dropAfter: 3, buffer: 2 });
    expect(writeShareUrl(state)).toBe('?n=5&ids=1&retry=500&end=204&dropAfter=3&buffer=2&client=eventsource');
    expect(readShareUrl('?client=eventsource&close=never')).toEqual({
      state: { ...DEFAULT_SHARED_STATE, transport: 'eventsource' },
      notices: ['The link’s close is not last, so the page leaves its EventSource open.'],
    });
    expect(readShareUrl('?dropAfter=3').notices).toEqual([
      'The link’s dropAfter is not valid (dropAfter must be between 0 and 2), so nothing cuts the connection.',
    ]);
  });
});
