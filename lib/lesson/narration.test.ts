import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedTrace } from '@/lib/trace/expected';
import { traceAtCursor } from '@/lib/trace/cursor';
import { narrate, narrationText } from './narration';

const seed = expectedTrace(DEFAULT_PARAMS);
const observed = { ...seed, source: 'observed' as const };
const at = (step: number) => traceAtCursor(observed, step);

describe('narrate', () => {
  it("tells the seed's run step by step, as it happens", () => {
    const live = (step: number) => narrate({ view: 'live', trace: at(step), total: 5, status: step === 5 ? 'closed' : 'open' });
    expect(live(1)).toEqual({ headline: 'Step 1: the generator starts', detail: 'the connection is open' });
    expect(live(3)).toEqual({ headline: "Step 3: yield sent 'Message 1' (i = 1)", detail: 'time.sleep(1) keeps the connection open' });
    expect(live(5)).toEqual({
      headline: 'Step 5: the generator ends',
      detail: 'range(3) is exhausted, so the server closes the connection',
    });
  });

  it('says "Request sent" until the response opens', () => {
    expect(narrate({ view: 'live', trace: { ...observed, rows: [] }, total: 0, status: 'connecting' }).headline).toBe('Request sent');
  });

  it('puts a replay in the past tense and calls it one', () => {
    expect(narrationText(narrate({ view: 'replay', trace: at(4), total: 5, status: 'closed' }))).toBe(
      "Replay, step 4 of 5: yield sent 'Message 2' (i = 2); then time.sleep(1) kept the connection open.",
    );
  });

  it('calls a prediction a prediction, and invites a run when nothing is pointed at', () => {
    expect(narrate({ view: 'prediction', trace: traceAtCursor(seed, 3), total: 5, status: 'idle' }).headline).toBe(
      "Not run yet — predicted step 3 of 5: yield sent 'Message 1' (i = 1)",
    );
    expect(narrate({ view: 'prediction', trace: seed, total: 5, status: 'idle' }).headline).toBe('Press Run');
  });

  it('in step mode, says the server waits for the Step', () => {
    const stepMode = expectedTrace({ ...DEFAULT_PARAMS, mode: 'step' });
    const trace = traceAtCursor({ ...stepMode, source: 'observed' }, 2);
    expect(narrate({ view: 'live', trace, total: 2, status: 'open' }).detail).toBe('the server waits for you: press Step');
  });

  it('in a classroom, never tells a student to press what only the presenter has', () => {
    const stepMode = expectedTrace({ ...DEFAULT_PARAMS, mode: 'step' });
    const waiting = traceAtCursor({ ...stepMode, source: 'observed' }, 2);
    const live = (audience: 'self' | 'presenter' | 'student') =>
      narrate({ view: 'live', trace: waiting, total: 2, status: 'open', audience });
    expect(live('student').detail).toBe('the server waits for the presenter’s Step');
    expect(live('presenter').detail).toBe('the server waits for you: press Step');
    const started = traceAtCursor({ ...stepMode, source: 'observed' }, 1);
    expect(narrate({ view: 'live', trace: started, total: 1, status: 'open', audience: 'student' }).detail).toBe(
      'the connection is open; the server waits for the presenter’s Step before the first yield',
    );
    const idle = narrate({ view: 'prediction', trace: stepMode, total: 5, status: 'idle', audience: 'student' });
    expect(idle).toEqual({
      headline: 'Waiting for the presenter',
      detail: 'when they press Run, the room’s server starts the generator and this page follows it',
    });
    expect(narrate({ view: 'prediction', trace: stepMode, total: 5, status: 'idle', audience: 'presenter' }).headline).toBe(
      'Press Run for the room',
    );
    for (const audience of ['presenter', 'student'] as const)
      expect(JSON.stringify([live(audience), idle])).not.toMatch(/browser requests|client disconnected/);
  });
});
