import { describe, expect, it } from 'vitest';
import { readAnswer, readRoomCommand } from './commands';

describe('readRoomCommand', () => {
  it('reads a run through the stream’s own rules, absent parameters at the seed’s values', () => {
    expect(readRoomCommand({ type: 'run', params: { n: 5, delay: 200, template: 'Hi {i}', mode: 'step' } })).toEqual({
      ok: true,
      command: { type: 'run', params: { n: 5, delayMs: 200, template: 'Hi {i}', mode: 'step' } },
    });
    expect(readRoomCommand({ type: 'run' })).toEqual({
      ok: true,
      command: { type: 'run', params: { n: 3, delayMs: 1000, template: 'Message {i}' } },
    });
    expect(readRoomCommand({ type: 'run', params: { n: '4' } })).toMatchObject({ ok: true, command: { params: { n: 4 } } });
  });

  it('names the parameter a run gets wrong, as GET /api/stream would', () => {
    expect(readRoomCommand({ type: 'run', params: { n: 0 } })).toMatchObject({ ok: false, field: 'params.n' });
    expect(readRoomCommand({ type: 'run', params: { delay: 99999 } })).toMatchObject({ ok: false, field: 'params.delay' });
    expect(readRoomCommand({ type: 'run', params: { template: '' } })).toMatchObject({ ok: false, field: 'params.template' });
    expect(readRoomCommand({ type: 'run', params: { mode: 'fast' } })).toMatchObject({ ok: false, field: 'params.mode' });
    expect(readRoomCommand({ type: 'run', params: { mode: 'predict' } })).toMatchObject({ ok: false, field: 'params.mode' });
  });

  it('refuses unknown types, stray fields and a seek to no step', () => {
    expect(readRoomCommand({ type: 'explode' })).toMatchObject({ ok: false, field: 'type' });
    expect(readRoomCommand({ type: 'step', extra: 1 })).toMatchObject({ ok: false });
    expect(readRoomCommand({ type: 'run', params: { n: 3, ids: 1 } })).toMatchObject({ ok: false });
    expect(readRoomCommand({ type: 'seek', step: 0 })).toMatchObject({ ok: false, field: 'step' });
    expect(readRoomCommand({ type: 'seek', step: 2.5 })).toMatchObject({ ok: false, field: 'step' });
    expect(readRoomCommand({ type: 'seek', step: null })).toEqual({ ok: true, command: { type: 'seek', step: null } });
    expect(readRoomCommand('step')).toMatchObject({ ok: false });
    expect(readRoomCommand(null)).toMatchObject({ ok: false });
  });
});

describe('readAnswer', () => {
  it('takes a poll id and an option letter, nothing else', () => {
    expect(readAnswer({ pollId: 'p1', choice: 'B' })).toEqual({ ok: true, answer: { pollId: 'p1', choice: 'B' } });
    expect(readAnswer({ pollId: 'p1', choice: 'E' })).toMatchObject({ ok: false, field: 'choice' });
    expect(readAnswer({ pollId: '../x', choice: 'A' })).toMatchObject({ ok: false, field: 'pollId' });
    expect(readAnswer({ pollId: 'p1', choice: 'A', student: 'someone-else' })).toMatchObject({ ok: false });
  });
});
