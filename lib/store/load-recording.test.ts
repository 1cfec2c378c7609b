import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { draftFromParams } from '@/lib/contract/draft';
import { expectedEvents } from '@/lib/trace/expected';
import { executionCells } from '@/lib/trace/table';
import { SEED_EXECUTION_TABLE } from '@/lib/trace/seed-tables.fixture';
import type { StreamEvent } from '@/lib/trace/types';
import { createLessonStore } from './lesson-store';
import { selectDisplayedTrace, selectFullTrace, selectStepPosition } from './selectors';

const params = { ...DEFAULT_PARAMS, n: 3 };

describe('loadRecording', () => {
  it('shows a recorded run from its first step, with its parameters in the form', () => {
    const store = createLessonStore();
    store.getState().actions.loadRecording({ params, events: expectedEvents(params) });
    const state = store.getState();
    expect(state).toMatchObject({ runParams: params, status: 'closed', cursor: 1, runTransport: 'fetch', draft: draftFromParams(params) });
    expect(selectFullTrace(state).rows.map(executionCells)).toEqual(SEED_EXECUTION_TABLE);
    expect(selectDisplayedTrace(state).rows).toHaveLength(1);
    expect(selectStepPosition(state)).toEqual({ shown: 1, total: 5 });
  });

  it("takes the status from the recording's last event", () => {
    const store = createLessonStore();
    const events: StreamEvent[] = [
      { type: 'open', atMs: 0 },
      { type: 'error', atMs: 5, message: 'the stream reached its time limit' },
    ];
    store.getState().actions.loadRecording({ params, events });
    expect(store.getState().status).toBe('error');
  });

  it('disconnects a live run first, so nothing it sends later reaches the loaded one', async () => {
    let aborted = false;
    const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      init?.signal?.addEventListener('abort', () => (aborted = true));
      return new Promise<Response>(() => {});
    });
    const store = createLessonStore({ fetchImpl: fetchImpl as unknown as typeof fetch, scheduleFlush: () => {} });
    store.getState().actions.editDraft('n', '5');
    store.getState().actions.run();
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalled());
    store.getState().actions.loadRecording({ params, events: expectedEvents(params) });
    expect(aborted).toBe(true);
    expect(store.getState()).toMatchObject({ status: 'closed', stepStreamId: null, wire: { chunks: [], items: [] } });
    expect(store.getState().draft.n).toBe('3');
  });
});
