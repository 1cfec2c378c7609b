import { describe, expect, it } from 'vitest';
import { QUIET_MOMENT, announcement, type AnnounceMoment } from './announce';

const moment = (change: Partial<AnnounceMoment>): AnnounceMoment => ({ ...QUIET_MOMENT, run: 1, ...change });

describe('announcement', () => {
  it('says a new run is connecting, then that the connection opened', () => {
    expect(announcement(QUIET_MOMENT, moment({ status: 'connecting' }))).toBe('Connecting to the stream.');
    expect(announcement(moment({ status: 'connecting' }), moment({ status: 'open' }))).toBe('Connection open.');
  });

  it('names the one frame that arrived, quoted as the table writes it', () => {
    const before = moment({ status: 'open', frames: 1, lastData: 'Message 0' });
    expect(announcement(before, moment({ status: 'open', frames: 2, lastData: 'Message 1' }))).toBe("'Message 1' arrived.");
  });

  it('sums up the frames it skipped and names the latest', () => {
    const before = moment({ status: 'open', frames: 3, lastData: 'Message 2' });
    expect(announcement(before, moment({ status: 'open', frames: 15, lastData: 'Message 14' }))).toBe(
      "12 more frames arrived; the latest is 'Message 14'.",
    );
  });

  it('tells the opening before the frames and the closing after them when they land together', () => {
    const closed = moment({ status: 'closed', frames: 3, lastData: 'Message 2', ending: 'end' });
    expect(announcement(moment({ status: 'connecting' }), closed)).toBe(
      "Connection open. 3 frames arrived; the latest is 'Message 2'. Connection closed: the generator ended after 3 frames.",
    );
  });

  it('says a Stop closed the connection', () => {
    const open = moment({ status: 'open', frames: 2, lastData: 'Message 1' });
    expect(announcement(open, { ...open, status: 'closed', ending: 'stopped' })).toBe('Stopped: the connection is closed after 2 frames.');
  });

  it("says how EventSource's loop ended: the server's 204, or the page closing it", () => {
    const open = moment({ status: 'open', frames: 3, lastData: 'Message 2' });
    expect(announcement(open, { ...open, status: 'closed', ending: 'no-content' })).toBe(
      'The server answered 204 No Content after 3 frames: EventSource stopped reconnecting.',
    );
    expect(announcement(open, { ...open, status: 'closed', ending: 'closed' })).toBe(
      'The page closed its EventSource after 3 frames: it will not reconnect.',
    );
  });

  it('counts frames afresh for a new run', () => {
    const finished = moment({ status: 'closed', frames: 3, lastData: 'Message 2', ending: 'end' });
    expect(announcement(finished, { ...QUIET_MOMENT, run: 2, status: 'open', frames: 1, lastData: 'Message 0' })).toBe(
      "Connection open. 'Message 0' arrived.",
    );
  });

  it('stays quiet when nothing changed, on an error (an alert says it) and on Reset', () => {
    const open = moment({ status: 'open', frames: 1, lastData: 'Message 0' });
    expect(announcement(open, open)).toBeNull();
    expect(announcement(open, { ...open, status: 'error', ending: 'error' })).toBeNull();
    expect(announcement(open, { ...QUIET_MOMENT, run: 1 })).toBeNull();
  });

  it('reads the step a replay moves to, once', () => {
    const finished = moment({ status: 'closed', frames: 3, ending: 'end' });
    const replay = { ...finished, replay: 'Replay, step 3 of 5: …' };
    expect(announcement(finished, replay)).toBe('Replay, step 3 of 5: …');
    expect(announcement(replay, replay)).toBeNull();
    expect(announcement(replay, finished)).toBe('Back at the latest step.');
  });
});
