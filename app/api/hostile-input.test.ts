import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createByteParser } from '@/lib/sse/decode';
import { renderTemplate } from '@/lib/contract/params';
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
const fieldName = fc.constantFrom('n', 'delay', 'template', 'mode', 'step', 'x', 'N', 'n[]', '');

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

  it('GET /api/stream answers any query with a stream when it is valid and 4xx JSON otherwise, never 5xx or a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fieldName, hostileText), { maxLength: 5 }), async (pairs) => {
        const query = new URLSearchParams(pairs);
        const response = stream(new Request(`http://test/api/stream?${query}`));
        if (parseStreamQuery(query).ok) {
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
          await response.body!.cancel();
        } else {
          await expectJsonRefusal(response);
        }
      }),
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
