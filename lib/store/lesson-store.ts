import { createStore } from 'zustand/vanilla';
import { DEFAULT_DRAFT, validateDraft, type DraftField, type ParamsDraft } from '@/lib/contract/draft';
import { type StreamMode, type StreamParams } from '@/lib/contract/params';
import { toStreamQuery } from '@/lib/contract/query';
import { cursorBack, cursorForward, type Cursor } from '@/lib/trace/cursor';
import type { TableHighlight } from '@/lib/trace/highlight';
import type { StreamEvent } from '@/lib/trace/types';
import { createBatcher, nextAnimationFrame, type ScheduleFlush } from './frame-batcher';
import { selectFullTrace, selectIsRunning } from './selectors';

/** Where the connection is, as the diagram and the buttons show it. */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'closed' | 'error';

export interface LessonState {
  /** The form as typed, valid or not: nothing a person typed is lost. */
  draft: ParamsDraft;
  /** Whether Run was pressed with invalid input, so every field's message shows. */
  showAllErrors: boolean;
  status: ConnectionStatus;
  /** The parameters the current (or last) run was started with; null before any run. */
  runParams: StreamParams | null;
  /** Everything observed on the wire in this run, in order. */
  events: readonly StreamEvent[];
  /** How many rows of the trace are shown (replay); null follows the live end. */
  cursor: Cursor;
  /** The running step-mode stream's id, which only this client knows; null otherwise. */
  stepStreamId: string | null;
  /** Table cells pointed at by a Key Moment or a quiz hint. */
  highlight: TableHighlight | null;
  /** Presenter mode: large type, only code, tables and diagram. */
  presenting: boolean;
  actions: LessonActions;
}

export interface LessonActions {
  editDraft: (field: DraftField, value: string) => void;
  setMode: (mode: StreamMode) => void;
  /** Validates the form and, if it is valid, opens a stream with it. Returns whether it started. */
  run: () => boolean;
  /** Disconnects: the server's generator stops, the table records the Stop. */
  stop: () => void;
  /** Disconnects if needed and clears the run, keeping the form. */
  reset: () => void;
  /** In step mode, lets the server's generator yield its next frame. */
  step: () => void;
  /** Shows the trace as it was after `cursor` rows; null follows the live end. */
  seek: (cursor: Cursor) => void;
  /** One step on: the next recorded row, else the server's next frame in step mode, else Run. */
  next: () => void;
  /** One recorded row back. */
  back: () => void;
  /** Points at table cells (null to clear). */
  setHighlight: (highlight: TableHighlight | null) => void;
  setPresenting: (presenting: boolean) => void;
  /** Puts back what a share link holds: the form, and the step to show. */
  restore: (restored: { draft: ParamsDraft; cursor: Cursor; presenting: boolean }) => void;
}

export interface LessonStoreOptions {
  draft?: ParamsDraft;
  /** Test seams: the network, the clock and the once-per-frame scheduler. */
  fetchImpl?: typeof fetch;
  now?: () => number;
  scheduleFlush?: ScheduleFlush;
  streamUrl?: string;
}

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
  let connection: { abort: AbortController; batcher: ReturnType<typeof createBatcher<StreamEvent>>; openedAt: number } | null =
    null;

  return createStore<LessonState>()((set, get) => {
    function disconnect() {
      if (!connection) return;
      connection.batcher.flushAll();
      connection.batcher.cancel();
      connection.abort.abort();
      connection = null;
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
        const abort = new AbortController();
        const batcher = createBatcher<StreamEvent>(appendEvents, scheduleFlush);
        const current = { abort, batcher, openedAt: now() };
        connection = current;
        set({ showAllErrors: false, status: 'connecting', runParams: result.params, events: [], cursor: null, stepStreamId: null });
        const query = toStreamQuery(result.params).toString();
        // The reader (and eventsource-parser) loads on the first Run, not with the page.
        void import('./read-event-stream').then(({ readEventStream }) =>
          readEventStream({
            url: query ? `${streamUrl}?${query}` : streamUrl,
            signal: abort.signal,
            fetchImpl,
            now,
            onEvent: (event) => {
              if (event.type === 'open') current.openedAt = now();
              batcher.push(event);
            },
            onStreamId: (id) => {
              if (connection === current) set({ stepStreamId: id });
            },
          }),
        );
        return true;
      },

      stop: () => {
        if (!connection) return;
        const stoppedAt = Math.max(0, now() - connection.openedAt);
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

