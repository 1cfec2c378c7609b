import { afterEach, describe, expect, it } from 'vitest';
import type { RoomEntry } from '@/lib/room/protocol';
import { processState } from '../process-state';
import type { RoomHub } from './hub';
import { createMemoryHub } from './memory-hub';
import { answerPoll, carryOut, isPresenterSecret, openRoom, pollResultsCsv } from './service';

let hub: RoomHub;
afterEach(async () => {
  for (const run of processState().roomRuns.values()) run.stop();
  await Promise.all([...processState().roomRuns.values()].map((run) => run.done));
  await hub?.close();
});

async function newRoom() {
  hub = createMemoryHub();
  return openRoom(hub);
}

/** Waits until the room's run has ended and its entries are all in. */
async function runFinished(code: string) {
  await processState().roomRuns.get(code)?.done;
}

const traceOf = async (code: string) =>
  (await hub.snapshot(code))!.events.map((event) =>
    event.type === 'frame' ? event.data : event.type === 'end' ? `end:${event.reason}` : event.type,
  );

describe('a room’s commands', () => {
  it('opens a room whose secret only its presenter has', async () => {
    const { code, secret } = await newRoom();
    const record = (await hub.find(code))!;
    expect(record.secretHash).not.toContain(secret);
    expect(isPresenterSecret(record.secretHash, secret)).toBe(true);
    expect(isPresenterSecret(record.secretHash, `${secret}x`)).toBe(false);
    expect(isPresenterSecret(record.secretHash, undefined)).toBe(false);
  });

  it('runs the real generator on Run: open, every frame, the end, timed as it ran', async () => {
    const { code } = await newRoom();
    const outcome = await carryOut(hub, code, { type: 'run', params: { n: 3, delayMs: 20, template: 'Message {i}' } });
    expect(outcome.ok).toBe(true);
    await runFinished(code);
    expect(await traceOf(code)).toEqual(['open', 'Message 0', 'Message 1', 'Message 2', 'end:complete']);
    const events = (await hub.snapshot(code))!.events;
    expect(events.at(-1)!.atMs).toBeGreaterThanOrEqual(55); // three sleeps of 20 ms, the last included
  });

  it('in step mode yields one frame per Step entry, and ends on the Step after the last', async () => {
    const { code } = await newRoom();
    expect(await carryOut(hub, code, { type: 'step' })).toMatchObject({ ok: false, status: 409 });
    await carryOut(hub, code, { type: 'run', params: { n: 2, delayMs: 1000, template: 'S{i}', mode: 'step' } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await traceOf(code)).toEqual(['open']);
    await carryOut(hub, code, { type: 'step' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await traceOf(code)).toEqual(['open', 'S0']);
    await carryOut(hub, code, { type: 'step' });
    await carryOut(hub, code, { type: 'step' });
    await runFinished(code);
    expect(await traceOf(code)).toEqual(['open', 'S0', 'S1', 'end:complete']);
  });

  it('stops a run on Stop, and a new Run replaces a running one', async () => {
    const { code } = await newRoom();
    await carryOut(hub, code, { type: 'run', params: { n: 5, delayMs: 1000, template: 'M{i}', mode: 'step' } });
    await carryOut(hub, code, { type: 'stop' });
    await runFinished(code);
    expect(await traceOf(code)).toEqual(['open', 'end:stopped']);
    expect(await carryOut(hub, code, { type: 'stop' })).toMatchObject({ ok: false, status: 409 });

    await carryOut(hub, code, { type: 'run', params: { n: 5, delayMs: 1000, template: 'A{i}', mode: 'step' } });
    await carryOut(hub, code, { type: 'run', params: { n: 1, delayMs: 0, template: 'B{i}' } });
    await runFinished(code);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await traceOf(code)).toEqual(['open', 'B0', 'end:complete']);
  });

  it('refuses a command for a room that does not exist', async () => {
    hub = createMemoryHub();
    expect(await carryOut(hub, 'ACDEFG', { type: 'reset' })).toMatchObject({ ok: false, status: 404, field: 'code' });
  });
});

describe('a room’s polls', () => {
  it('sends the question without its answer, counts each student once, reveals, and exports CSV', async () => {
    const { code } = await newRoom();
    const seen: RoomEntry[] = [];
    hub.subscribe(code, (entry) => seen.push(entry));
    await carryOut(hub, code, { type: 'poll-open' });
    const opened = seen.find((entry) => entry.body.kind === 'poll-open')!;
    expect(JSON.stringify(opened)).not.toMatch(/"answer"|explanation/);
    const room = (await hub.snapshot(code))!;
    const question = room.poll!.question;
    expect(question.id).toBe('p1');
    const key = (await hub.pollKey(code, 'p1'))!;

    expect(await answerPoll(hub, code, 'student-1', 'p1', key.answer)).toEqual({ ok: true, recorded: true });
    expect(await answerPoll(hub, code, 'student-1', 'p1', 'A')).toEqual({ ok: true, recorded: false });
    const other = question.options.find((option) => option.letter !== key.answer)!.letter;
    expect(await answerPoll(hub, code, 'student-2', 'p1', other)).toEqual({ ok: true, recorded: true });
    expect(await answerPoll(hub, code, 'student-3', 'p2', 'A')).toMatchObject({ ok: false, status: 409 });
    expect((await hub.snapshot(code))!.poll).toMatchObject({ answered: 2, reveal: null });

    await carryOut(hub, code, { type: 'poll-reveal' });
    expect((await hub.snapshot(code))!.poll!.reveal).toEqual({ answer: key.answer, explanation: key.explanation });
    expect(await answerPoll(hub, code, 'student-4', 'p1', 'A')).toMatchObject({ ok: false, status: 409 });

    const csv = await pollResultsCsv(hub, code, (await hub.snapshot(code))!);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('poll,question,student,answer,correct,answered_at');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^p1,.*,student 1,${key.answer},true,\\d{4}-`));
    expect(lines[2]).toMatch(new RegExp(`,student 2,${other},false,`));
    expect(csv).not.toContain('student-1'); // the browser's cookie never leaves the server
  });

  it('never asks a room the same question twice: the seed’s three, then generated ones', async () => {
    const { code } = await newRoom();
    const prompts: string[] = [];
    for (let k = 0; k < 6; k++) {
      await carryOut(hub, code, { type: 'poll-open' });
      prompts.push((await hub.snapshot(code))!.poll!.question.prompt);
    }
    expect(new Set(prompts).size).toBe(6);
  });
});

describe('a room’s run at shutdown', () => {
  it('ends with an error entry saying why, so the room does not wait on it forever', async () => {
    const { code } = await newRoom();
    await carryOut(hub, code, { type: 'run', params: { n: 3, delayMs: 1000, template: 'M{i}', mode: 'step' } });
    processState().roomRuns.get(code)!.stop('The server running this stream shut down; Run again to start a new one.');
    await runFinished(code);
    const room = (await hub.snapshot(code))!;
    expect(room.status).toBe('error');
    expect(room.events.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('shut down') });
  });
});
