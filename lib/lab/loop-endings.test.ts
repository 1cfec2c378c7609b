import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { flaskEndingLines } from '../code/flask-code';
import { streamAddress } from '@/lib/contract/stream-query';
import { LOOP_ENDINGS, clientCode, loopEndingOf } from './loop-endings';

describe('the loop endings', () => {
  it('each choice is the ending its settings make, and no two choices share settings', () => {
    for (const choice of LOOP_ENDINGS) expect(loopEndingOf(choice.end, choice.closeAfterLast)).toBe(choice.ending);
    expect(new Set(LOOP_ENDINGS.map((choice) => `${choice.end}/${choice.closeAfterLast}`)).size).toBe(LOOP_ENDINGS.length);
    // The server's ending wins over a setting that only matters with the seed's ending.
    expect(loopEndingOf('event', true)).toBe('end-event');
    expect(loopEndingOf('204', true)).toBe('no-content');
  });

  it("opens the stream's own address: the seed's is bare, options are in its query", () => {
    expect(streamAddress(DEFAULT_PARAMS)).toBe('/api/stream');
    expect(streamAddress({ ...DEFAULT_PARAMS, end: 'event' })).toBe('/api/stream?end=event');
    expect(clientCode('repeat', DEFAULT_PARAMS)).toContain(`new EventSource("/api/stream");`);
    expect(clientCode('end-event', { ...DEFAULT_PARAMS, end: 'event' })).toContain(`new EventSource("/api/stream?end=event");`);
  });

  it("counts to the run's n, and names the last id a 204 answers", () => {
    expect(clientCode('client-counts', { ...DEFAULT_PARAMS, n: 5 })).toContain('if (++received === 5) source.close();');
    expect(clientCode('no-content', { ...DEFAULT_PARAMS, n: 5, end: '204' })).toContain('Last-Event-ID: 4,');
    expect(clientCode('no-content', { ...DEFAULT_PARAMS, end: '204', mode: 'step' })).toContain('Last-Event-ID: <stream id>/2,');
    expect(clientCode('end-event', DEFAULT_PARAMS)).toContain("source.addEventListener('end', () => source.close());");
  });

  it("shows the Flask lines each server ending adds, and none for the seed's", () => {
    expect(flaskEndingLines(DEFAULT_PARAMS)).toEqual([]);
    expect(flaskEndingLines({ ...DEFAULT_PARAMS, ids: true })).toEqual([]);
    expect(flaskEndingLines({ ...DEFAULT_PARAMS, end: 'event' })).toEqual(["yield 'event: end\\ndata: done\\n\\n'"]);
    expect(flaskEndingLines({ ...DEFAULT_PARAMS, n: 4, end: '204' })).toEqual([
      "start = int(request.headers.get('Last-Event-ID', -1)) + 1",
      'if start == 4:',
      '    return Response(status=204)',
    ]);
  });
});
