import 'server-only';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roomCodeFrom } from '@/lib/room/code';
import type { RoomEntry, RoomEntryBody, RoomPollQuestion } from '@/lib/room/protocol';
import { EMPTY_ROOM, applyRoomEntries } from '@/lib/room/state';
import type { RoomHub, RoomRecord } from '../hub';

/** What a suite runs against: a hub, and a second instance on the same backend. */
export interface HubFixture {
  hub: RoomHub;
  /** Another instance sharing `hub`'s rooms (for a backend there is no sharing, the same hub). */
  peer: RoomHub;
  /** Closes whatever setup opened. */
  close(): Promise<void>;
}

const START = Date.UTC(2025, 8, 1, 9, 0, 0);
const DELIVERY_TIMEOUT_MS = 5000;

/** A fresh random room code: every test has rooms of its own, so a shared backend needs no flushing. */
export const newRoomCode = () => roomCodeFrom(crypto.getRandomValues(new Uint32Array(6)));
/** A room's record as the presenter's create would make it. */
export const roomRecord = (code: string, createdAt = START): RoomRecord => ({
  code,
  secretHash: createHash('sha256').update(`secret of ${code}`).digest('hex'),
  createdAt,
});

/** The seed's run, and what its generator does: realistic bodies for the log. */
export const RUN: RoomEntryBody = { kind: 'run', params: { n: 3, delayMs: 1000, template: 'Message {i}' } };
export const opened = (run: number): RoomEntryBody => ({ kind: 'trace', run, event: { type: 'open', atMs: 0 } });
export const frame = (run: number, i: number): RoomEntryBody => ({
  kind: 'trace',
  run,
  event: { type: 'frame', atMs: i * 1000, data: `Message ${i}` },
});
const ended = (run: number): RoomEntryBody => ({ kind: 'trace', run, event: { type: 'end', atMs: 3000, reason: 'complete' } });
const POLL: RoomPollQuestion = {
  id: 'p1',
  prompt: 'Which frame does the browser show second?',
  options: [
    { letter: 'A', text: 'Message 0' },
    { letter: 'B', text: 'Message 1' },
    { letter: 'C', text: 'Message 2' },
    { letter: 'D', text: 'None: the stream closed' },
  ],
};

/** What a listener was handed, and a way to wait for the next of it. */
export function listen(hub: RoomHub, code: string) {
  const entries: RoomEntry[] = [];
  const unsubscribe = hub.subscribe(code, (entry) => entries.push(entry));
  const seqs = () => entries.map(({ seq }) => seq);
  /** Waits until the listener has had an entry numbered `seq` (it may have had more). */
  const until = (seq: number) => vi.waitFor(() => expect(seqs()).toContain(seq), { timeout: DELIVERY_TIMEOUT_MS, interval: 5 });
  return { entries, seqs, until, unsubscribe };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The `RoomHub` contract (hub.ts) as a Vitest suite, for any implementation. `setup` gets the
 * clock the hubs must take their times from.
 */
export function describeRoomHub(name: string, setup: (now: () => number) => Promise<HubFixture>) {
  describe(`${name} keeps the RoomHub contract`, () => {
    let time = START;
    let fixture: HubFixture;
    let hub: RoomHub;
    let code: string;

    beforeEach(async () => {
      time = START;
      fixture = await setup(() => time);
      hub = fixture.hub;
      code = newRoomCode();
      expect(await hub.create(roomRecord(code))).toBe(true);
    });
    afterEach(() => fixture.close());

    it('creates a room that find returns, and refuses a code that is taken', async () => {
      expect(await hub.find(code)).toEqual(roomRecord(code));
      expect(await hub.create(roomRecord(code, START + 1))).toBe(false);
      expect(await fixture.peer.create(roomRecord(code, START + 1))).toBe(false);
      expect(await hub.find(code)).toEqual(roomRecord(code));
      expect(await hub.snapshot(code)).toEqual(EMPTY_ROOM);
    });

    it('answers null, false or nothing for a room that does not exist, and never throws', async () => {
      const unknown = newRoomCode();
      expect(await hub.find(unknown)).toBeNull();
      expect(await hub.append(unknown, [RUN])).toBeNull();
      expect(await hub.entriesAfter(unknown, 0)).toBeNull();
      expect(await hub.snapshot(unknown)).toBeNull();
      await hub.setPollKey(unknown, 'p1', { answer: 'B', explanation: 'Frame 1 is the second.', optionCount: 4 });
      expect(await hub.pollKey(unknown, 'p1')).toBeNull();
      expect(await hub.answer(unknown, 'p1', 'student-a', 1, 4)).toBeNull();
      expect(await hub.answers(unknown, 'p1')).toEqual([]);
      await hub.reportPresence(unknown, 3);
      expect(await hub.present(unknown)).toBe(0);
      const unsubscribe = hub.subscribe(unknown, () => undefined);
      expect(unsubscribe).not.toThrow();
      expect(await hub.find(unknown)).toBeNull(); // nothing above made it exist
    });

    it('numbers entries 1, 2, 3 … in order, several at a time together, and returns them with their time', async () => {
      const first = await hub.append(code, [RUN]);
      expect(first).toEqual([{ seq: 1, at: START, body: RUN }]);
      time += 250;
      const batch = await hub.append(code, [opened(1), frame(1, 0)]);
      expect(batch).toEqual([
        { seq: 2, at: START + 250, body: opened(1) },
        { seq: 3, at: START + 250, body: frame(1, 0) },
      ]);
      expect(await fixture.peer.append(code, [frame(1, 1)])).toEqual([{ seq: 4, at: START + 250, body: frame(1, 1) }]);
      expect(await hub.append(code, [])).toEqual([]);
      expect((await hub.snapshot(code))?.seq).toBe(4);
    });

    it('takes a writer’s numbered append at most once, on either instance: a retry after a lost reply adds nothing', async () => {
      const once = { writer: 'run-a', n: 1 };
      expect(await hub.append(code, [RUN], once)).toEqual([{ seq: 1, at: START, body: RUN }]);
      expect(await hub.append(code, [RUN], once)).toEqual([]);
      expect(await fixture.peer.append(code, [RUN], once)).toEqual([]);
      expect(await hub.append(code, [opened(1)], { writer: 'run-a', n: 2 })).toEqual([{ seq: 2, at: START, body: opened(1) }]);
      expect(await hub.append(code, [opened(1)], { writer: 'run-b', n: 1 })).toEqual([{ seq: 3, at: START, body: opened(1) }]);
      expect((await hub.snapshot(code))?.seq).toBe(3);
    });

    it('gives as snapshot every entry folded into the empty room', async () => {
      await hub.append(code, [RUN]);
      await hub.append(code, [opened(1), frame(1, 0)]);
      await hub.append(code, [frame(1, 1), { kind: 'seek', cursor: 2 }]);
      await hub.append(code, [{ kind: 'poll-open', poll: POLL }]);
      await hub.answer(code, 'p1', 'student-a', 1, 4);
      await hub.answer(code, 'p1', 'student-b', 1, 4);
      await hub.answer(code, 'p1', 'student-c', 0, 4);
      await hub.append(code, [
        frame(1, 2),
        ended(1),
        { kind: 'poll-reveal', pollId: 'p1', reveal: { answer: 'B', explanation: 'Frame 1.' } },
      ]);
      await hub.append(code, [{ kind: 'poll-close', pollId: 'p1' }]);
      const all = await hub.entriesAfter(code, 0);
      expect(all?.map(({ seq }) => seq)).toEqual(range(1, 13));
      const snapshot = await hub.snapshot(code);
      expect(snapshot).toEqual(applyRoomEntries(EMPTY_ROOM, all!));
      expect(snapshot).toMatchObject({ seq: 13, status: 'closed', cursor: 2, polls: 1, run: 1 });
      expect(snapshot?.events.map((event) => event.type)).toEqual(['open', 'frame', 'frame', 'frame', 'end']);
      expect(snapshot?.poll).toMatchObject({ counts: [1, 2, 0, 0], answered: 3, reveal: { answer: 'B' }, closed: true });
    });

    it('gives exactly the entries after a seq, none at the end, and null past the end', async () => {
      const appended = [
        ...(await hub.append(code, [RUN, opened(1)]))!,
        ...(await hub.append(code, [frame(1, 0), frame(1, 1), frame(1, 2)]))!,
      ];
      expect(await hub.entriesAfter(code, 0)).toEqual(appended);
      expect(await fixture.peer.entriesAfter(code, 3)).toEqual(appended.slice(3));
      expect(await hub.entriesAfter(code, 5)).toEqual([]);
      expect(await hub.entriesAfter(code, 6)).toBeNull();
    });

    it('hands a listener every entry appended after it subscribed, in order, once', async () => {
      await hub.append(code, [RUN, opened(1)]);
      const listener = listen(hub, code);
      await hub.append(code, [frame(1, 0)]);
      await hub.append(code, [frame(1, 1), frame(1, 2)]);
      await hub.append(code, [ended(1)]);
      await listener.until(6);
      await hub.append(code, [{ kind: 'stop' }]); // one more, so a late duplicate would show before it
      await listener.until(7);
      expect(listener.seqs()).toEqual([3, 4, 5, 6, 7]);
      expect(listener.entries).toEqual((await hub.entriesAfter(code, 2))!);
    });

    it('hands a second listener of a room only what was appended after it joined', async () => {
      const first = listen(hub, code);
      await hub.append(code, [RUN, opened(1)]);
      await first.until(2);
      const second = listen(hub, code);
      await hub.append(code, [frame(1, 0)]);
      await Promise.all([first.until(3), second.until(3)]);
      expect(first.seqs()).toEqual([1, 2, 3]);
      expect(second.seqs()).toEqual([3]);
    });

    it('stops handing entries to a listener once it unsubscribes', async () => {
      const leaving = listen(hub, code);
      const staying = listen(hub, code);
      await hub.append(code, [RUN]);
      await Promise.all([leaving.until(1), staying.until(1)]);
      leaving.unsubscribe();
      leaving.unsubscribe(); // twice is harmless
      await hub.append(code, [opened(1), frame(1, 0)]);
      await staying.until(3);
      expect(leaving.seqs()).toEqual([1]);
      expect(staying.seqs()).toEqual([1, 2, 3]);
    });

    it("never hands a listener another room's entries", async () => {
      const other = newRoomCode();
      await hub.create(roomRecord(other));
      const listener = listen(hub, code);
      const otherListener = listen(hub, other);
      await hub.append(other, [RUN, opened(1)]);
      await hub.append(code, [{ kind: 'reset' }]);
      await Promise.all([listener.until(1), otherListener.until(2)]);
      expect(listener.entries).toEqual([{ seq: 1, at: START, body: { kind: 'reset' } }]);
      expect(otherListener.entries.map(({ body }) => body)).toEqual([RUN, opened(1)]);
    });

    it("keeps each poll's key until it is asked for", async () => {
      const key = { answer: 'B' as const, explanation: 'Frame 1 is the second the browser shows.', optionCount: 4 };
      await hub.setPollKey(code, 'p1', key);
      await hub.setPollKey(code, 'p2', { ...key, answer: 'D' });
      expect(await fixture.peer.pollKey(code, 'p1')).toEqual(key);
      expect(await hub.pollKey(code, 'p2')).toEqual({ ...key, answer: 'D' });
      expect(await hub.pollKey(code, 'p3')).toBeNull();
    });

    it("records a student's first answer and appends one tally per answer recorded", async () => {
      await hub.append(code, [{ kind: 'poll-open', poll: POLL }]);
      expect(await hub.answer(code, 'p1', 'student-a', 2, 4)).toEqual({ recorded: true });
      time += 1000;
      expect(await fixture.peer.answer(code, 'p1', 'student-b', 0, 4)).toEqual({ recorded: true });
      expect(await hub.entriesAfter(code, 1)).toEqual([
        { seq: 2, at: START, body: { kind: 'poll-tally', pollId: 'p1', counts: [0, 0, 1, 0], answered: 1 } },
        { seq: 3, at: START + 1000, body: { kind: 'poll-tally', pollId: 'p1', counts: [1, 0, 1, 0], answered: 2 } },
      ]);
      expect((await hub.snapshot(code))?.poll).toMatchObject({ counts: [1, 0, 1, 0], answered: 2 });
    });

    it('refuses a second answer from the same student and changes nothing', async () => {
      await hub.append(code, [{ kind: 'poll-open', poll: POLL }]);
      await hub.answer(code, 'p1', 'student-a', 2, 4);
      const before = await hub.snapshot(code);
      time += 5000;
      expect(await hub.answer(code, 'p1', 'student-a', 3, 4)).toEqual({ recorded: false });
      expect(await fixture.peer.answer(code, 'p1', 'student-a', 2, 4)).toEqual({ recorded: false });
      expect(await hub.snapshot(code)).toEqual(before);
      expect(await hub.answers(code, 'p1')).toEqual([{ student: 'student-a', choice: 2, at: START }]);
    });

    it('lists the answers recorded for each poll, with their choice and time', async () => {
      await hub.append(code, [{ kind: 'poll-open', poll: POLL }]);
      await hub.answer(code, 'p1', 'student-b', 1, 4);
      time += 700;
      await hub.answer(code, 'p1', 'student-a', 3, 4);
      await hub.answer(code, 'p2', 'student-a', 0, 4);
      const byStudent = (answers: Awaited<ReturnType<RoomHub['answers']>>) =>
        [...answers].sort((a, b) => a.student.localeCompare(b.student));
      expect(byStudent(await fixture.peer.answers(code, 'p1'))).toEqual([
        { student: 'student-a', choice: 3, at: START + 700 },
        { student: 'student-b', choice: 1, at: START },
      ]);
      expect(await hub.answers(code, 'p2')).toEqual([{ student: 'student-a', choice: 0, at: START + 700 }]);
      expect(await hub.answers(code, 'p3')).toEqual([]);
    });

    it("takes this instance's latest presence report as its head count", async () => {
      expect(await hub.present(code)).toBe(0);
      await hub.reportPresence(code, 3);
      expect(await hub.present(code)).toBe(3);
      await hub.reportPresence(code, 5);
      expect(await hub.present(code)).toBe(5);
      expect(await hub.presentElsewhere(code)).toBe(0); // its own report is left out
    });

    it('numbers concurrent appends from two instances consecutively, and every listener sees them all in one order', async () => {
      const onHub = listen(hub, code);
      await hub.append(code, [RUN]);
      await onHub.until(1);
      const onPeer = listen(fixture.peer, code);
      await fixture.peer.append(code, [opened(1)]);
      await Promise.all([onHub.until(2), onPeer.until(2)]);
      const appended = await Promise.all(
        range(0, 39).map((i) => (i % 2 ? hub : fixture.peer).append(code, [frame(1, i), frame(1, i + 100)])),
      );
      const seqs = appended.flatMap((entries) => entries!.map(({ seq }) => seq));
      expect([...seqs].sort((a, b) => a - b)).toEqual(range(3, 82));
      for (const entries of appended) expect(entries![1]!.seq).toBe(entries![0]!.seq + 1); // one call's bodies stay together
      await Promise.all([onHub.until(82), onPeer.until(82)]);
      expect(onHub.seqs()).toEqual(range(1, 82));
      expect(onPeer.seqs()).toEqual(range(2, 82));
      expect(onPeer.entries).toEqual(onHub.entries.slice(1));
      expect(onHub.entries).toEqual(await fixture.peer.entriesAfter(code, 0));
    });
  });
}
