import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import { createLessonStore } from './lesson-store';
import { selectDisplayedTrace, selectDraftResult, selectObservedTrace } from './selectors';

const params = { n: 40, delayMs: 0, template: 'm {i}' };
const events = expectedEvents(params);

describe('selectObservedTrace', () => {
  it('reduces only the new events when they extend the last ones, and agrees with reducing them all', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 12 }), (batches) => {
        const store = createLessonStore();
        const runParams = { ...params };
        store.setState({ runParams, events: [] });
        let sent = 0;
        let previous = selectObservedTrace(store.getState())!;
        for (const size of batches) {
          const batch = events.slice(sent, sent + size);
          sent += batch.length;
          store.setState((state) => ({ events: [...state.events, ...batch] }));
          const trace = selectObservedTrace(store.getState())!;
          expect(trace).toEqual(reduceEvents(emptyTrace(runParams), store.getState().events));
          // Incremental: the rows already reduced are the very same objects, not rebuilt.
          previous.rows.forEach((row, k) => expect(trace.rows[k]).toBe(row));
          previous = trace;
        }
      }),
    );
  });

  it('keeps two stores apart: each run has its own memo, however the two interleave', () => {
    const one = createLessonStore();
    const two = createLessonStore();
    one.setState({ runParams: { ...params }, events: events.slice(0, 5) });
    two.setState({ runParams: { ...DEFAULT_PARAMS }, events: expectedEvents(DEFAULT_PARAMS) });
    const first = selectObservedTrace(one.getState())!;
    const second = selectObservedTrace(two.getState())!;
    one.setState((state) => ({ events: [...state.events, ...events.slice(5, 9)] }));
    expect(selectObservedTrace(two.getState())).toBe(second);
    expect(selectObservedTrace(one.getState())!.rows).toHaveLength(9);
    expect(first.rows).toHaveLength(5);
    expect(second.rows.map((row) => row.dataSent)).toEqual([null, 'Message 0', 'Message 1', 'Message 2', null]);
  });

  it('starts afresh when the events do not extend the last ones (a new run)', () => {
    const store = createLessonStore();
    const runParams = { ...params };
    store.setState({ runParams, events: events.slice(0, 6) });
    selectObservedTrace(store.getState());
    store.setState({ events: events.slice(0, 2) });
    expect(selectObservedTrace(store.getState())!.rows).toHaveLength(2);
  });
});

describe('memos per object', () => {
  it('give the same result for the same draft or trace and cursor, and a new one for a new draft', () => {
    const store = createLessonStore();
    const state = store.getState();
    expect(selectDraftResult(state)).toBe(selectDraftResult({ draft: state.draft }));
    store.getState().actions.editDraft('n', '4');
    expect(selectDraftResult(store.getState())).not.toBe(selectDraftResult(state));
    store.setState({ cursor: 2 });
    expect(selectDisplayedTrace(store.getState())).toBe(selectDisplayedTrace(store.getState()));
    expect(selectDisplayedTrace(store.getState()).rows).toHaveLength(2);
  });
});
