import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStreamQuery } from '@/lib/stream/params';
import { parseStreamQueryWithZod } from './query-schema';

const value = fc.oneof(
  fc.constantFrom('', '0', '1', '3', '-1', '-0', '1.5', '1e3', '10000', '10001', ' 3', 'timed', 'step', 'STEP', 'x'.repeat(200), 'x'.repeat(201), '😀'.repeat(200), '😀'.repeat(201)),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 20_000 }).map(String),
);
const field = fc.constantFrom('n', 'delay', 'template', 'mode', 'other');

describe('the route schema (zod) and the shared rules', () => {
  it('agree on every query: the same parameters, or the same field and message', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(field, value), { maxLength: 6 }), (pairs) => {
        const query = new URLSearchParams(pairs);
        expect(parseStreamQueryWithZod(query)).toEqual(parseStreamQuery(query));
      }),
      { numRuns: 2000 },
    );
  });
});
