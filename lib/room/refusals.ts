/**
 * Every way the classroom refuses, worded once: the routes (app/api/rooms/) send these as
 * `{error}` bodies and the pages (app/room/, app/join/) show them, so a student reads the same
 * sentence wherever the refusal comes from.
 */
export const ROOM_REFUSALS = {
  noRoom: (code: string) => `There is no room ${code}: check the code, or the room may have ended.`,
  tooManyTries: (waitSeconds: number) => `Too many tries with codes that name no room; try again in ${waitSeconds} s.`,
  full: (code: string, capacity: number) => `Room ${code} is full (${capacity} students).`,
  unavailable: 'The classroom is briefly unavailable; try again in a moment.',
  notPresenter: 'Only the browser that opened this room can present it.',
  badCode: 'A room code is 6 capital letters and digits, such as K7M4QX.',
} as const;

/** What the page says of a refusal whose body has no readable `{error}` (a proxy's page, say). */
export const roomAnswered = (response: Response) => `The room answered ${response.status}.`;
