import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, isRoomCode, readRoomCode, roomCodeFrom } from './code';

describe('room codes', () => {
  it('leave out every look-alike: no 0 O 1 I L 2 Z 5 S 8 B', () => {
    for (const char of '0O1IL2Z5S8B') expect(ROOM_CODE_ALPHABET).not.toContain(char);
    expect(new Set(ROOM_CODE_ALPHABET).size).toBe(ROOM_CODE_ALPHABET.length);
    expect(ROOM_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
  });

  it('are six characters of the alphabet, whatever the random numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: ROOM_CODE_LENGTH, maxLength: ROOM_CODE_LENGTH }), (numbers) => {
        const code = roomCodeFrom(numbers);
        expect(code).toHaveLength(6);
        expect(isRoomCode(code)).toBe(true);
      }),
    );
  });

  it('read what a student typed regardless of case, spaces and dashes', () => {
    expect(readRoomCode(' k7m-4qx ')).toEqual({ ok: true, code: 'K7M4QX' });
    expect(readRoomCode('ac dE 34')).toEqual({ ok: true, code: 'ACDE34' });
  });

  it('name the look-alike a student typed, and a code of the wrong length', () => {
    expect(readRoomCode('K7M4Q0')).toEqual({ ok: false, error: 'Room codes have no 0: codes never use O or 0, so check the code again.' });
    expect(readRoomCode('k7m4ql')).toMatchObject({ ok: false, error: expect.stringContaining('no L') });
    expect(readRoomCode('K7M4Q')).toEqual({ ok: false, error: 'A room code has 6 characters; that is 5.' });
    expect(readRoomCode('K7M4Q!')).toMatchObject({ ok: false, error: expect.stringContaining('“!”') });
    expect(readRoomCode('  ')).toMatchObject({ ok: false });
  });
});
