import { describe, expect, it } from 'vitest';
import { requestHeadBytes, responseHeadBytes } from './wire-size';

describe('message heads', () => {
  it('counts a request line, its fields and the empty line as HTTP/1.1 sends them', () => {
    const head = 'GET /api/compare/poll?start=1&n=3 HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nAccept: */*\r\n\r\n';
    expect(
      requestHeadBytes('GET', '/api/compare/poll?start=1&n=3', [
        ['host', '127.0.0.1:3000'],
        ['accept', '*/*'],
      ]),
    ).toBe(head.length);
  });

  it('counts a status line, its fields and the empty line', () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 19\r\n\r\n';
    expect(
      responseHeadBytes(
        200,
        'OK',
        new Headers({ 'Content-Type': 'application/json', 'Content-Length': '19' }).entries() as Iterable<[string, string]>,
      ),
    ).toBe(head.length);
  });
});
