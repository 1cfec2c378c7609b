import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PacerDisposed, PacerExpired, createPredictPacer, createStepPacer, createTimerPacer } from './pacer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createTimerPacer', () => {
  it('sleeps for the delay on a timer, and a delay of 0 for one turn of the event loop', async () => {
    const pacer = createTimerPacer();
    let woke = false;
    void pacer.wait(1000).then(() => (woke = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(woke).toBe(true);
    const turn = pacer.wait(0);
    await vi.advanceTimersByTimeAsync(0); // no time passes: a 1 ms timer would not have fired
    await expect(turn).resolves.toBeUndefined();
  });

  it('on dispose clears its timer and fails the pending sleep with PacerDisposed', async () => {
    const pacer = createTimerPacer();
    const sleeping = pacer.wait(1000);
    expect(vi.getTimerCount()).toBe(1);
    pacer.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await expect(sleeping).rejects.toBeInstanceOf(PacerDisposed);
    expect(() => pacer.dispose()).not.toThrow();
  });
});

describe('createStepPacer', () => {
  it('lets one sleep pass per advance, counting advances that come early', async () => {
    const pacer = createStepPacer();
    pacer.advance();
    pacer.advance();
    await expect(pacer.wait(1000)).resolves.toBeUndefined();
    await expect(pacer.wait(1000)).resolves.toBeUndefined();
    let woke = false;
    void pacer.wait(1000).then(() => (woke = true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(woke).toBe(false);
    pacer.advance();
    await vi.advanceTimersByTimeAsync(0);
    expect(woke).toBe(true);
    pacer.dispose();
  });

  it('fails the pending sleep with PacerExpired after its idle time, and with PacerDisposed on dispose', async () => {
    const idle = createStepPacer(5000);
    const waiting = idle.wait(0);
    const expectation = expect(waiting).rejects.toBeInstanceOf(PacerExpired);
    await vi.advanceTimersByTimeAsync(5000);
    await expectation;

    const disposed = createStepPacer(5000);
    const pending = disposed.wait(0);
    disposed.dispose();
    await expect(pending).rejects.toBeInstanceOf(PacerDisposed);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('createPredictPacer', () => {
  it('sleeps the real delay, then holds until the Reveal; a Reveal during the sleep lets the frame go as the sleep ends', async () => {
    const pacer = createPredictPacer();
    let woke = false;
    void pacer.wait(1000).then(() => (woke = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(woke).toBe(false); // slept, now held
    pacer.advance();
    await vi.advanceTimersByTimeAsync(0);
    expect(woke).toBe(true);

    let second = false;
    void pacer.wait(1000).then(() => (second = true));
    pacer.advance(); // revealed early, while it sleeps
    await vi.advanceTimersByTimeAsync(999);
    expect(second).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(second).toBe(true);
    pacer.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails a pending sleep or hold with PacerDisposed on dispose', async () => {
    const pacer = createPredictPacer();
    const sleeping = pacer.wait(1000);
    pacer.dispose();
    await expect(sleeping).rejects.toBeInstanceOf(PacerDisposed);
  });
});
