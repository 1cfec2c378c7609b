import { describe, expect, it } from 'vitest';
import { clientAddress, clientOfRoute, trustedProxiesFrom } from './client-address';

describe('clientAddress', () => {
  it('with no trusted proxy is the socket, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('10.0.0.9', undefined, 0)).toBe('10.0.0.9');
    expect(clientAddress('10.0.0.9', '6.6.6.6', 0)).toBe('10.0.0.9');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('behind one trusted proxy is the last X-Forwarded-For entry: the one the proxy appended', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', 1)).toBe('203.0.113.7');
    // A client that sends its own X-Forwarded-For only adds entries to the left.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 7.7.7.7, 203.0.113.7', 1)).toBe('203.0.113.7');
  });

  it('behind two trusted proxies is the second entry from the right, and ignores forged ones to its left', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress('127.0.0.1', ['6.6.6.6, 203.0.113.7', '10.0.0.2'], 2)).toBe('203.0.113.7');
  });

  it('falls back to the socket when a trusted proxy sent no X-Forwarded-For, and to the leftmost of too few', () => {
    expect(clientAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', ' , ', 2)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '203.0.113.7', 2)).toBe('203.0.113.7');
  });
});

describe('trustedProxiesFrom', () => {
  it('reads a whole number, and anything else as no proxy at all', () => {
    expect(trustedProxiesFrom({ STEPSTREAM_TRUST_PROXY: '2' })).toBe(2);
    for (const raw of [undefined, '', 'yes', '-1', '1.5']) expect(trustedProxiesFrom({ STEPSTREAM_TRUST_PROXY: raw })).toBe(0);
  });
});

describe('clientOfRoute', () => {
  it("believes server.mjs's header, else the last X-Forwarded-For entry (next dev's own)", () => {
    expect(clientOfRoute(new Headers({ 'x-stepstream-client': '203.0.113.7', 'x-forwarded-for': '6.6.6.6' }))).toBe('203.0.113.7');
    expect(clientOfRoute(new Headers({ 'x-forwarded-for': '6.6.6.6, ::1' }))).toBe('::1');
    expect(clientOfRoute(new Headers())).toBe('unknown');
  });
});
