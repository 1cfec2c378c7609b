import { createStore } from 'zustand/vanilla';
import { DEFAULT_DRAFT, validateDraft } from '@/lib/contract/draft';
import { toStreamQuery } from '@/lib/contract/query';
import { cursorBack, cursorForward } from '@/lib/trace/cursor';
import type { ConnectionStatus, StreamEvent } from '@/lib/trace/types';
import { nextAnimationFrame } from './frame-batcher';
import type { LessonActions, LessonState, LessonStoreOptions } from './lesson-state';
import { selectFullTrace, selectIsRunning } from './selectors';
import { openStreamConnection, type StreamConnection } from './stream-connection';

/** The status an event leaves the connection in. */
function statusAfter(event: StreamEvent): ConnectionStatus {
  switch (event.type) {
    case 'open':
    case 'frame':
      return 'open';
    case 'end':
      return 'closed';
    case 'error':
      return 'error';
  }
}

/** Creates one lesson's store. Each page (and each test) makes its own. */
export function createLessonStore(options: LessonStoreOptions = {}) {
  const { now = () => performance.now(), scheduleFlush = nextAnimationFrame, streamUrl = '/api/stream' } = options;
  const fetchImpl = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  /** The live connection, if any: not state, since nothing renders from it. */
  let connection: StreamConnection | null = null;

  return createStore<LessonState>()((set, get) => {
    function disconnect() {
      const closing = connection;
      connection = null;
      closing?.close(); // delivers what had already arrived, through appendEvents
    }

    function appendEvents(batch: StreamEvent[]) {
      const last = batch.at(-1);
      if (!last) return;
      const ended = last.type === 'end' || last.type === 'error';
      set((state) => ({ events: [...state.events, ...batch], status: statusAfter(last), ...(ended ? { stepStreamId: null } : {}) }));
      if (ended) connection = null;
    }

    const actions: LessonActions = {
      editDraft: (field, value) => set((state) => ({ draft: { ...state.draft, [field]: value } })),
      setMode: (mode) => set((state) => ({ draft: { ...state.draft, mode } })),

      run: () => {
        const result = validateDraft(get().draft);
        if (!result.ok) {
          set({ showAllErrors: true });
          return false;
        }
        disconnect();
        set({ showAllErrors: false, status: 'connecting', runParams: result.params, events: [], cursor: null, stepStreamId: null });
        const query = toStreamQuery(result.params).toString();
        const current = openStreamConnection({
          url: query ? `${streamUrl}?${query}` : streamUrl,
          fetchImpl,
          now,
          scheduleFlush,
          onEvents: appendEvents,
          onStreamId: (id) => {
            if (connection === current) set({ stepStreamId: id });
          },
        });
        connection = current;
        return true;
      },

      stop: () => {
        if (!connection) return;
        const stoppedAt = connection.elapsedMs();
        disconnect(); // delivers what had already arrived before recording the Stop
        const { status } = get();
        if (status === 'connecting') set({ status: 'idle', runParams: null, events: [], stepStreamId: null });
        else if (status === 'open') appendEvents([{ type: 'end', atMs: stoppedAt, reason: 'stopped' }]);
      },

      reset: () => {
        disconnect();
        set({ status: 'idle', runParams: null, events: [], cursor: null, showAllErrors: false, highlight: null, stepStreamId: null });
      },

      step: () => {
        const id = get().stepStreamId;
        if (!id) return;
        // A refused Step (the stream has just ended) needs no message: the stream's end says it.
        void fetchImpl(`${streamUrl}/${encodeURIComponent(id)}/advance`, { method: 'POST' }).catch(() => undefined);
      },

      seek: (cursor) => set({ cursor: cursor === null ? null : Math.max(1, Math.round(cursor)) }),

      next: () => {
        const state = get();
        if (state.status === 'idle' && state.runParams === null && state.cursor === null) {
          actions.run();
          return;
        }
        if (state.cursor !== null) {
          actions.seek(cursorForward(selectFullTrace(state), state.cursor));
          return;
        }
        if (state.stepStreamId && selectIsRunning(state)) actions.step();
      },

      back: () => {
        const state = get();
        actions.seek(cursorBack(selectFullTrace(state), state.cursor));
      },

      setHighlight: (highlight) => set({ highlight }),
      setPresenting: (presenting) => set({ presenting }),
      restore: ({ draft, cursor, presenting }) => set({ draft, cursor, presenting }),
    };

    return {
      draft: { ...(options.draft ?? DEFAULT_DRAFT) },
      showAllErrors: false,
      status: 'idle',
      runParams: null,
      events: [],
      cursor: null,
      stepStreamId: null,
      highlight: null,
      presenting: false,
      actions,
    };
  });
}

export type LessonStore = ReturnType<typeof createLessonStore>;

