import { describe, expect, it, vi } from 'vitest';
import { encodeEvent } from '@/lib/sse/encode';
import { SSE_HEADERS } from '@/lib/sse/headers';
import { executionCells } from '@/lib/trace/table';
import type { LessonStoreOptions } from './lesson-state';
import { createLessonStore } from './lesson-store';
import { selectDisplayedTrace, selectObservedTrace, selectStepPosition } from './selectors';
import { SEED_EXECUTION_TABLE } from '@/lib/trace/seed-tables.fixture';

/** A response whose body the test feeds by hand. */
function controllableResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => (controller = c) });
  const utf8 = new TextEncoder();
  return {
    response: new Response(body, { headers: SSE_HEADERS }),
    send: (text: string) => controller.enqueue(utf8.encode(text)),
    close: () => controller.close(),
  };
}

function setup(overrides: Partial<LessonStoreOptions> = {}) {
  const wire = controllableResponse();
  const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    init?.signal?.addEventListener('abort', () => wire.close());
    return wire.response;
  });
  const flushes: Array<() => void> = [];
  let clock = 0;
  const store = createLessonStore({
    fetchImpl: fetchImpl as unknown as typeof fetch,
    now: () => clock,
    scheduleFlush: (flush) => flushes.push(flush),
    ...overrides,
  });
  const flush = async () => {
    await vi.waitFor(() => expect(flushes.length).toBeGreaterThan(0));
    flushes.splice(0).forEach((f) => f());
  };
  return { store, wire, fetchImpl, flush, tick: (ms: number) => (clock += ms), flushes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLessonStore', () => {
  it('does not start a stream when the form is invalid, and shows every message', () => {
    const { store, fetchImpl } = setup();
    store.getState().actions.editDraft('n', '0');
    expect(store.getState().actions.run()).toBe(false);
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(store.getState().showAllErrors).toBe(true);
    expect(store.getState().draft.n).toBe('0');
  });

  it('asks the route for the form parameters, leaving defaults out', async () => {
    const { store, fetchImpl } = setup();
    store.getState().actions.editDraft('n', '5');
    store.getState().actions.editDraft('sleepSeconds', '0.25');
    store.getState().actions.run();
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalled());
    expect(fetchImpl.mock.calls[0]![0]).toBe('/api/stream?n=5&delay=250');
    expect(store.getState().status).toBe('connecting');
  });

  it('builds the seed table from the frames, delivering them in one batch per animation frame', async () => {
    const { store, wire, flush, tick, flushes, fetchImpl } = setup();
    store.getState().actions.run();
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalled());
    await settle();
    wire.send(encodeEvent({ data: 'Message 0' }));
    await settle();
    tick(1000);
    await settle();
    wire.send(encodeEvent({ data: 'Message 1' }) + encodeEvent({ data: 'Message 2' }));
    await settle();
    expect(store.getState().events).toHaveLength(0);
    expect(flushes).toHaveLength(1);
    await flush();
    expect(store.getState().events.map((e) => e.type)).toEqual(['open', 'frame', 'frame', 'frame']);
    expect(store.getState().status).toBe('open');

    tick(2000);
    wire.close();
    await flush();
    expect(store.getState().status).toBe('closed');
    const trace = selectObservedTrace(store.getState())!;
    expect(trace.rows.map(executionCells)).toEqual(SEED_EXECUTION_TABLE);
    expect(trace.rows.map((row) => row.atMs)).toEqual([0, 0, 1000, 1000, 3000]);
  });

  it('records Stop as a client disconnect, aborts the request and closes the connection', async () => {
    const { store, wire, flush, fetchImpl } = setup();
    store.getState().actions.run();
    await settle();
    wire.send(encodeEvent({ data: 'Message 0' }));
    await flush();
    store.getState().actions.stop();
    const signal = fetchImpl.mock.calls[0]![1]!.signal!;
    expect(signal.aborted).toBe(true);
    expect(store.getState().status).toBe('closed');
    expect(selectObservedTrace(store.getState())!.rows.at(-1)!.action).toBe('Client disconnects (Stop)');
  });

  it('shows a refused request as an error with the server message', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ error: 'n must be between 1 and 1000', field: 'n' }, { status: 400 }));
    const { store, flush } = setup({ fetchImpl: fetchImpl as unknown as typeof fetch });
    store.getState().actions.run();
    await flush();
    expect(store.getState().status).toBe('error');
    expect(selectObservedTrace(store.getState())!.rows.at(-1)!.action).toBe('Error: n must be between 1 and 1000');
  });

  it('turns an event: error frame into the error state', async () => {
    const { store, wire, flush } = setup();
    store.getState().actions.run();
    await settle();
    wire.send(encodeEvent({ event: 'error', data: 'The generator stopped unexpectedly.' }));
    await flush();
    expect(store.getState().status).toBe('error');
  });

  it('reset clears the run but keeps what was typed', async () => {
    const { store, wire, flush } = setup();
    store.getState().actions.editDraft('template', 'Hi {i}');
    store.getState().actions.run();
    await settle();
    wire.send(encodeEvent({ data: 'Hi 0' }));
    await flush();
    store.getState().actions.reset();
    expect(store.getState()).toMatchObject({ status: 'idle', events: [], runParams: null, cursor: null });
    expect(store.getState().draft.template).toBe('Hi {i}');
  });

  it('seek shows the trace as it was at a step, clamped to the rows there are', async () => {
    const { store, wire, flush } = setup();
    store.getState().actions.run();
    await settle();
    wire.send(encodeEvent({ data: 'a' }) + encodeEvent({ data: 'b' }));
    await flush();
    store.getState().actions.seek(2);
    expect(selectDisplayedTrace(store.getState()).rows).toHaveLength(2);
    expect(selectStepPosition(store.getState())).toEqual({ shown: 2, total: 3 });
    store.getState().actions.seek(99);
    expect(selectStepPosition(store.getState())).toEqual({ shown: 3, total: 3 });
    store.getState().actions.seek(null);
    expect(selectDisplayedTrace(store.getState()).rows).toHaveLength(3);
  });

  it('next and back move through the recorded rows, and next runs when nothing has run yet', async () => {
    const { store, wire, flush, fetchImpl } = setup();
    store.getState().actions.next();
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalledTimes(1));
    await settle();
    wire.send(encodeEvent({ data: 'a' }) + encodeEvent({ data: 'b' }));
    wire.close();
    await settle();
    await flush();
    expect(store.getState().status).toBe('closed');
    store.getState().actions.back();
    expect(store.getState().cursor).toBe(3);
    store.getState().actions.back();
    store.getState().actions.back();
    store.getState().actions.back();
    expect(store.getState().cursor).toBe(1);
    store.getState().actions.next();
    expect(store.getState().cursor).toBe(2);
    store.getState().actions.next();
    store.getState().actions.next();
    expect(store.getState().cursor).toBeNull();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('in step mode, learns the stream id and Step posts an advance for it', async () => {
    const { store, wire, flush, fetchImpl } = setup();
    store.getState().actions.setMode('step');
    store.getState().actions.run();
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalled());
    expect(fetchImpl.mock.calls[0]![0]).toBe('/api/stream?mode=step');
    await settle();
    wire.send(encodeEvent({ event: 'stepstream-id', data: 'abc-123' }));
    await flush();
    expect(store.getState().stepStreamId).toBe('abc-123');
    expect(selectDisplayedTrace(store.getState()).rows).toHaveLength(1);
    store.getState().actions.next();
    expect(fetchImpl.mock.calls[1]).toEqual(['/api/stream/abc-123/advance', { method: 'POST' }]);
    wire.send(encodeEvent({ data: 'Message 0' }));
    await flush();
    expect(executionCells(selectDisplayedTrace(store.getState()).rows[1]!)[3]).toBe('waiting for presenter');
  });
});
