import { describe, expect, it } from 'vitest';
import { pyEscape, wireText, type YieldRecord } from './yields';

describe('pyEscape', () => {
  it("escapes as Python's repr does, without the quotes", () => {
    // Compared with python3: repr('a\n\r\t\\\x00\x7f\xa0\ufeffé😀 b')
    expect(pyEscape('a\n\r\t\\\0\x7f\xa0\uFEFFé😀 b')).toBe('a\\n\\r\\t\\\\\\x00\\x7f\\xa0\\ufeffé😀 b');
  });
});

describe('wireText', () => {
  const record = (index: number, bytes: number[]): YieldRecord => ({
    index,
    line: 1,
    atMs: 0,
    value: { kind: 'bytes', bytes: new Uint8Array(bytes) },
  });

  it('gives a character split between two yields to the second', () => {
    // é is C3 A9 in UTF-8.
    const wire = wireText([record(0, [0x61, 0xc3]), record(1, [0xa9, 0x62])]);
    expect(wire.text).toBe('aéb');
    expect(wire.starts).toEqual([0, 1]);
  });

  it('stops at the first value that is not text', () => {
    const other: YieldRecord = { index: 1, line: 2, atMs: 0, value: { kind: 'other', pythonType: 'int', repr: '1' } };
    expect(wireText([record(0, [0x61]), other, record(2, [0x62])]).sent.map((r) => r.index)).toEqual([0]);
  });
});
