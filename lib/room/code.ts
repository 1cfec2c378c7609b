/**
 * Room codes: six characters a class can read off a projector and type on a phone. Capital
 * letters and digits without the look-alikes (0 and O, 1 and I and L, 2 and Z, 5 and S, 8 and B),
 * so "was that an O or a zero?" never stops a lesson: 25 symbols, 25^6 ≈ 244 million codes.
 */
export const ROOM_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const ROOM_CODE_LENGTH = 6;

const CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** Whether `text` is a well-formed room code, exactly (capitals, no spaces). */
export const isRoomCode = (text: string) => CODE_PATTERN.test(text);

/**
 * A code from `randomInts` (each a uniformly random integer ≥ 0, one per character, e.g. from
 * `crypto.getRandomValues`). Pure: the randomness is passed in.
 */
export function roomCodeFrom(randomInts: ArrayLike<number>): string {
  if (randomInts.length < ROOM_CODE_LENGTH) throw new RangeError(`a room code needs ${ROOM_CODE_LENGTH} random numbers`);
  let code = '';
  for (let k = 0; k < ROOM_CODE_LENGTH; k++) code += ROOM_CODE_ALPHABET[randomInts[k]! % ROOM_CODE_ALPHABET.length];
  return code;
}

export type CodeReading = { ok: true; code: string } | { ok: false; error: string };

/**
 * What a student typed, read as a code: case, spaces and dashes do not matter ("ab3 4cd" is
 * AB34CD); a look-alike the alphabet leaves out is named, so the student knows which key to fix.
 */
export function readRoomCode(typed: string): CodeReading {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  if (code.length === 0) return { ok: false, error: 'Type the room code shown on the presenter’s screen.' };
  const stranger = [...code].find((char) => !ROOM_CODE_ALPHABET.includes(char));
  if (stranger !== undefined) {
    const hint = LOOK_ALIKES[stranger];
    return {
      ok: false,
      error: hint
        ? `Room codes have no ${stranger}: ${hint}`
        : `Room codes have only letters and digits; “${stranger}” is not one of them.`,
    };
  }
  if (code.length !== ROOM_CODE_LENGTH)
    return { ok: false, error: `A room code has ${ROOM_CODE_LENGTH} characters; that is ${code.length}.` };
  return { ok: true, code };
}

const LOOK_ALIKES: Record<string, string> = {
  O: 'codes never use O or 0, so check the code again.',
  '0': 'codes never use O or 0, so check the code again.',
  I: 'codes never use I, L or 1, so check the code again.',
  L: 'codes never use I, L or 1, so check the code again.',
  '1': 'codes never use I, L or 1, so check the code again.',
  Z: 'codes never use Z or 2, so check the code again.',
  '2': 'codes never use Z or 2, so check the code again.',
  S: 'codes never use S or 5, so check the code again.',
  '5': 'codes never use S or 5, so check the code again.',
  B: 'codes never use B or 8, so check the code again.',
  '8': 'codes never use B or 8, so check the code again.',
};
