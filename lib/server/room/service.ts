import 'server-only';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { DEFAULT_PARAMS, isStepMode } from '@/lib/contract/params';
import { generateQuiz } from '@/lib/quiz/generate';
import { OPTION_LETTERS } from '@/lib/quiz/types';
import { roomCodeFrom, ROOM_CODE_LENGTH } from '@/lib/room/code';
import type { RoomEntry, RoomEntryBody } from '@/lib/room/protocol';
import { isRoomRunning, type RoomState } from '@/lib/room/state';
import { csvCell } from '@/lib/recording/csv';
import { expectedTrace } from '@/lib/trace/expected';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import { processState } from '../process-state';
import type { RoomCommand } from '@/lib/room/commands';
import type { RoomHub } from './hub';
import { startRoomRun } from './runner';
import { ROOM_REFUSALS } from '@/lib/room/refusals';

/** SHA-256 of a secret, hex: what the hub keeps instead of the secret. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Opens a room under a fresh code. The presenter's secret (32 random bytes) goes back to the
 * presenter only, as a cookie; the hub keeps its hash.
 */
export async function openRoom(hub: RoomHub, now = Date.now()): Promise<{ code: string; secret: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = roomCodeFrom(Array.from({ length: ROOM_CODE_LENGTH }, () => randomInt(0, 1_000_000)));
    const secret = randomBytes(32).toString('base64url');
    if (await hub.create({ code, secretHash: hashSecret(secret), createdAt: now })) return { code, secret };
  }
  throw new Error('no free room code after 20 tries');
}

/** Whether `secret` (the request's cookie, if any) is the room's presenter's. In constant time. */
export function isPresenterSecret(secretHash: string, secret: string | undefined): boolean {
  if (!secret) return false;
  const given = Buffer.from(hashSecret(secret), 'hex');
  const kept = Buffer.from(secretHash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}

export type CommandOutcome = { ok: true; entries: RoomEntry[] } | { ok: false; status: number; error: string; field: string | null };

const refuse = (status: number, error: string, field: string | null = null): CommandOutcome => ({ ok: false, status, error, field });

/** The trace a poll asks about: the room's finished run, else what the lesson predicts for its parameters. */
function pollTrace(room: RoomState) {
  if (room.params && !isRoomRunning(room) && room.events.length > 0) return reduceEvents(emptyTrace(room.params), room.events);
  return expectedTrace(room.params ?? DEFAULT_PARAMS);
}

/** The room's next poll: the k-th question of the room's own quiz (the seed's three first), so a room never asks one twice. */
function nextPoll(code: string, room: RoomState) {
  const trace = pollTrace(room);
  const seed = [...code].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) >>> 0;
  const questions = generateQuiz(trace, seed, { count: room.polls + 1, classic: true });
  const question = questions[room.polls] ?? generateQuiz(trace, seed + room.polls, { count: 1, classic: false })[0]!;
  return { ...question, id: `p${room.polls + 1}` };
}

/**
 * Carries out a presenter's command: checks it against the room as it stands, appends what it
 * does, and for Run starts the room's generator in this process. A command that makes no sense
 * now (Step with nothing waiting) is a 409 that says why, and changes nothing.
 */
export async function carryOut(hub: RoomHub, code: string, command: RoomCommand): Promise<CommandOutcome> {
  const room = await hub.snapshot(code);
  if (!room) return refuse(404, ROOM_REFUSALS.noRoom(code), 'code');
  const append = async (bodies: RoomEntryBody[]): Promise<CommandOutcome> => {
    const entries = await hub.append(code, bodies);
    return entries ? { ok: true, entries } : refuse(404, ROOM_REFUSALS.noRoom(code), 'code');
  };
  switch (command.type) {
    case 'run': {
      const outcome = await append([{ kind: 'run', params: command.params }]);
      if (outcome.ok) startRun(hub, code, outcome.entries[0]!);
      return outcome;
    }
    case 'step':
      if (!isRoomRunning(room) || !room.params || !isStepMode(room.params))
        return refuse(409, 'Nothing is waiting for a Step: Run in step mode first.', 'type');
      return append([{ kind: 'step' }]);
    case 'stop':
      if (!isRoomRunning(room)) return refuse(409, 'Nothing is running to stop.', 'type');
      return append([{ kind: 'stop' }]);
    case 'reset':
      return append([{ kind: 'reset' }]);
    case 'seek':
      return append([{ kind: 'seek', cursor: command.step }]);
    case 'poll-open': {
      const question = nextPoll(code, room);
      const key = {
        answer: question.answer,
        explanation: question.explanation,
        optionCount: question.options.length,
        prompt: question.prompt,
      };
      await hub.setPollKey(code, question.id, key);
      return append([{ kind: 'poll-open', poll: { id: question.id, prompt: question.prompt, options: question.options } }]);
    }
    case 'poll-reveal': {
      if (!room.poll) return refuse(409, 'No poll is open: open one first.', 'type');
      const key = await hub.pollKey(code, room.poll.question.id);
      if (!key) return refuse(409, 'This poll’s answer is no longer kept.', 'type');
      return append([{ kind: 'poll-reveal', pollId: room.poll.question.id, reveal: { answer: key.answer, explanation: key.explanation } }]);
    }
    case 'poll-close':
      if (!room.poll) return refuse(409, 'No poll is open.', 'type');
      return append([{ kind: 'poll-close', pollId: room.poll.question.id }]);
  }
}

/** Starts the room's generator in this process; one that was running here for the room stops (its `run` entry tells it too). */
function startRun(hub: RoomHub, code: string, entry: RoomEntry) {
  if (entry.body.kind !== 'run') return;
  const runs = processState().roomRuns;
  runs.get(code)?.stop();
  const run = startRoomRun(hub, code, entry as RoomEntry & { body: { kind: 'run' } });
  runs.set(code, run);
  void run.done.then(() => {
    if (runs.get(code) === run) runs.delete(code);
  });
}

/** A student's answer to the open poll: once per student; an answer to a closed or revealed poll is refused. */
export async function answerPoll(
  hub: RoomHub,
  code: string,
  student: string,
  pollId: string,
  letter: string,
): Promise<CommandOutcome | { ok: true; recorded: boolean }> {
  const room = await hub.snapshot(code);
  if (!room) return refuse(404, ROOM_REFUSALS.noRoom(code), 'code');
  if (room.poll?.question.id !== pollId) return refuse(409, 'That poll is not the one open now.', 'pollId');
  if (room.poll.reveal || room.poll.closed) return refuse(409, 'That poll has closed: the answer has been shown.', 'pollId');
  const choice = room.poll.question.options.findIndex((option) => option.letter === letter);
  if (choice < 0) return refuse(400, `Option ${letter} is not one of this poll’s.`, 'choice');
  const result = await hub.answer(code, pollId, student, choice, room.poll.question.options.length);
  if (!result) return refuse(404, ROOM_REFUSALS.noRoom(code), 'code');
  return { ok: true, recorded: result.recorded };
}

/** A poll's answers as CSV: one line per student (an anonymous number, never the cookie), the letter chosen, whether right, when. */
export async function pollResultsCsv(hub: RoomHub, code: string, room: RoomState): Promise<string> {
  const lines = ['poll,question,student,answer,correct,answered_at'];
  const polls = room.polls;
  for (let k = 1; k <= polls; k++) {
    const pollId = `p${k}`;
    const key = await hub.pollKey(code, pollId);
    const answers = (await hub.answers(code, pollId)).sort((a, b) => a.at - b.at);
    const prompt = key?.prompt ?? '';
    answers.forEach((answer, index) => {
      const letter = OPTION_LETTERS[answer.choice] ?? '?';
      lines.push(
        [
          pollId,
          csvCell(prompt),
          `student ${index + 1}`,
          letter,
          key ? String(letter === key.answer) : '',
          new Date(answer.at).toISOString(),
        ].join(','),
      );
    });
  }
  return lines.join('\r\n') + '\r\n';
}
