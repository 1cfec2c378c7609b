import { createStore } from 'zustand/vanilla';
import { draftFromParams } from '@/lib/contract/draft';
import { cursorBack, cursorForward } from '@/lib/trace/cursor';
import { nextAnimationFrame } from './next-frame';
import type { LessonActions, LessonState, LessonStoreOptions } from './lesson-state';
import { initialLessonData } from './initial-lesson';
import { createRunActions } from './run-actions';
import { selectFullTrace, selectIsRunning } from './selectors';

/** Creates one lesson's store. Each page (and each test) makes its own. */
export function createLessonStore(options: LessonStoreOptions = {}) {
  const deps = {
    fetchImpl: options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
    now: options.now ?? (() => performance.now()),
    scheduleFlush: options.scheduleFlush ?? nextAnimationFrame,
    streamUrl: options.streamUrl ?? '/api/stream',
  };

  return createStore<LessonState>()((set, get) => {
    const runActions = createRunActions(set, get, deps);

    const actions: LessonActions = {
      ...runActions,
      editDraft: (field, value) => set((state) => ({ draft: { ...state.draft, [field]: value } })),
      setMode: (mode) => set((state) => ({ draft: { ...state.draft, mode } })),
      setIds: (ids) => set((state) => ({ draft: { ...state.draft, ids } })),
      setEnd: (end) => set((state) => ({ draft: { ...state.draft, end } })),
      seek: (cursor) => set({ cursor: cursor === null ? null : Math.max(1, Math.round(cursor)) }),

      next: () => {
        const state = get();
        if (state.status === 'idle' && state.runParams === null && state.cursor === null) {
          runActions.run();
          return;
        }
        if (state.cursor !== null) {
          actions.seek(cursorForward(selectFullTrace(state), state.cursor));
          return;
        }
        if (state.stepStreamId && selectIsRunning(state)) runActions.step();
      },

      back: () => {
        const state = get();
        actions.seek(cursorBack(selectFullTrace(state), state.cursor));
      },

      setHighlight: (highlight) => set({ highlight }),
      setPresenting: (presenting) => set({ presenting }),
      restore: ({ draft, cursor, presenting, transport, closeAfterLast }) => set({ draft, cursor, presenting, transport, closeAfterLast }),
      setTransport: (transport) => set({ transport }),
      setCloseAfterLast: (closeAfterLast) => set({ closeAfterLast }),
      clearWire: () => set((state) => ({ wire: { chunks: [], items: [], dropped: state.wire.dropped + state.wire.chunks.length } })),

      loadRecording: ({ params, events }) => {
        runActions.reset();
        set({
          // A parameters object of its own: the selectors' memo of a run is keyed by it.
          runParams: { ...params },
          events,
          status: events.at(-1)?.type === 'error' ? 'error' : 'closed',
          cursor: 1,
          draft: draftFromParams(params),
          runTransport: 'fetch',
        });
      },

      showRoom: (room, { following, newRun }) =>
        set({
          runParams: room.params,
          events: room.events,
          status: room.status,
          ...(newRun && room.params ? { draft: draftFromParams(room.params) } : {}),
          ...(following ? { cursor: room.cursor } : {}),
        }),
    };

    return { ...initialLessonData(options), actions };
  });
}

export type LessonStore = ReturnType<typeof createLessonStore>;
