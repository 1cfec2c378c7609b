import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createByteParser } from '@/lib/sse/decode';
import { resumeAdmissions, shutdownStreams } from '@/lib/server/registry';
import { renderTemplate } from '@/lib/contract/params';
import { answersNoContent } from '@/lib/contract/event-id';
import { parseStreamQuery } from '@/lib/contract/query';
import { POST as advance } from './stream/[id]/advance/route';
import { GET as stream } from './stream/route';

/** Any text a query might carry, hostile characters made likely. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      '\0',
      ':',
      '\uFEFF',
      '%',
      '&',
      '=',
      '#',
      '?',
      '+',
      ' ',
      '{i}',
      'data: ',
      'event: x',
      '\uD800',
      '😀',
      '..',
    ),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 60,
});
const fieldName = fc.constantFrom(
  'n',
  'delay',
  'template',
  'mode',
  'ids',
  'retry',
  'end',
  'dropAfter',
  'buffer',
  'lastEventId',
  'step',
  'x',
  'N',
  'n[]',
  '',
);
/** Values that are valid somewhere, so the fuzz reaches past the first check as often as not. */
const plausibleValue = fc.constantFrom('0', '1', '2', '3', 'step', 'timed', 'close', 'event', '204', '60000', '1000', '{i}');
/** A `Last-Event-ID` header: only what a header can carry (no CR, LF or NUL; Latin-1). */
const lastEventIdHeader = fc.option(
  fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '/', 'a', 'f', ' ', '\t', '+', '.', 'é', ','), maxLength: 12 }),
  { nil: null },
);

async function expectJsonRefusal(response: Response) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: unknown };
  expect(typeof body.error).toBe('string');
  expect(String(body.error)).not.toMatch(/\n\s+at /); // no stack trace
}

describe('hostile input', () => {
  beforeEach(() => vi.stubEnv('STEPSTREAM_MAX_STREAMS_PER_CLIENT', '0'));
  afterEach(() => vi.unstubAllEnvs());
  // A step-mode stream with ids outlives its cancelled connection for 60 s: end them all, leaving nothing behind.
  afterAll(() => {
    shutdownStreams();
    resumeAdmissions();
  });

  it('GET /api/stream answers any query and Last-Event-ID with a stream (or its 204) when valid and 4xx JSON otherwise, never 5xx or a throw', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fieldName, fc.oneof(hostileText, plausibleValue)), { maxLength: 6 }),
        lastEventIdHeader,
        async (pairs, lastEventId) => {
          const query = new URLSearchParams(pairs);
          const headers: Record<string, string> = lastEventId === null ? {} : { 'Last-Event-ID': lastEventId };
          const request = new Request(`http://test/api/stream?${query}`, { headers });
          const response = stream(request);
          const expected = parseStreamQuery(query, request.headers.get('last-event-id'));
          if (expected.ok && answersNoContent(expected.params, expected.resume)) {
            expect(response.status).toBe(204);
          } else if (expected.ok) {
            expect(response.status).toBe(200);
            expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
            await response.body!.cancel();
          } else {
            await expectJsonRefusal(response);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a raw query of any bytes, percent-encoding included, without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('%', 'n', '=', '&', 'zz', '0', 'E', '2', 'template', 'delay'), maxLength: 40 }),
        async (raw) => {
          const response = stream(new Request(`http://test/api/stream?${raw}`));
          if (response.status === 200) await response.body!.cancel();
          else await expectJsonRefusal(response);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an oversize query string before parsing it', async () => {
    const response = stream(new Request(`http://test/api/stream?template=${'x'.repeat(5000)}`));
    expect(response.status).toBe(414);
    expect(await response.json()).toEqual({ error: 'The query string is too long (over 4096 characters).', field: 'query' });
  });

  it('POST advance answers any id and body with 404 or 413 JSON', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }), async (id, body) => {
        const request = new Request(`http://test/api/stream/x/advance`, { method: 'POST', body });
        const response = await advance(request, { params: Promise.resolve({ id }) });
        await expectJsonRefusal(response);
        const length = body === undefined ? 0 : new TextEncoder().encode(body).length;
        expect(response.status).toBe(length > 1024 ? 413 : 404);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a template start a field or a frame: n frames, each exactly the rendered template', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileText.filter((t) => [...t].length >= 1 && [...t].length <= 200),
        fc.integer({ min: 1, max: 4 }),
        async (template, n) => {
          const query = new URLSearchParams({ n: String(n), delay: '0', template });
          const response = stream(new Request(`http://test/api/stream?${query}`));
          expect(response.status).toBe(200);
          const events: Array<{ data: string; event?: string; id?: string }> = [];
          const comments: string[] = [];
          const parser = createByteParser({ onEvent: (event) => events.push(event), onComment: (c) => comments.push(c) });
          const reader = response.body!.getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            parser.feed(value);
          }
          parser.end();
          // What the template says after the URL round trip and UTF-8 (a lone surrogate becomes U+FFFD).
          const sent = new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(template));
          expect(events).toEqual(
            Array.from({ length: n }, (_, i) => ({
              data: renderTemplate(sent, i).replace(/\r\n|\r/g, '\n'),
              event: undefined,
              id: undefined,
            })),
          );
          expect(comments).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
