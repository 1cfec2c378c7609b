import { createStore } from 'zustand/vanilla';
import { DEFAULT_DRAFT, validateDraft, type DraftField, type ParamsDraft } from '@/lib/stream/draft';
import { toStreamQuery, type StreamParams } from '@/lib/stream/params';
import type { TableHighlight } from '@/lib/trace/highlight';
import type { StreamEvent } from '@/lib/trace/types';
import { createBatcher, nextAnimationFrame, type ScheduleFlush } from './frame-batcher';
import { readEventStream } from './read-event-stream';

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
  /** How many events are shown; null follows the live end. */
  cursor: number | null;
  /** Table cells pointed at by a Key Moment or a quiz hint. */
  highlight: TableHighlight | null;
  actions: LessonActions;
}

export interface LessonActions {
  editDraft: (field: DraftField, value: string) => void;
  /** Validates the form and, if it is valid, opens a stream with it. Returns whether it started. */
  run: () => boolean;
  /** Disconnects: the server's generator stops, the table records the Stop. */
  stop: () => void;
  /** Disconnects if needed and clears the run, keeping the form. */
  reset: () => void;
  /** Shows the trace as it was after `cursor` events; null follows the live end. */
  seek: (cursor: number | null) => void;
  /** Points at table cells (null to clear). */
  setHighlight: (highlight: TableHighlight | null) => void;
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
  const { fetchImpl, now = () => performance.now(), scheduleFlush = nextAnimationFrame, streamUrl = '/api/stream' } = options;
  /** The live connection, if any: not state, since nothing renders from it. */
  let connection: { abort: AbortController; batcher: ReturnType<typeof createBatcher<StreamEvent>>; openedAt: number } | null =
    null;

  return createStore<LessonState>()((set, get) => {
    function disconnect() {
      if (!connection) return;
      connection.batcher.flush();
      connection.batcher.cancel();
      connection.abort.abort();
      connection = null;
    }

    function appendEvents(batch: StreamEvent[]) {
      const last = batch.at(-1);
      if (!last) return;
      set((state) => ({ events: [...state.events, ...batch], status: statusAfter(last) }));
      if (last.type === 'end' || last.type === 'error') connection = null;
    }

    return {
      draft: { ...(options.draft ?? DEFAULT_DRAFT) },
      showAllErrors: false,
      status: 'idle',
      runParams: null,
      events: [],
      cursor: null,
      highlight: null,
      actions: {
        editDraft: (field, value) => set((state) => ({ draft: { ...state.draft, [field]: value } })),

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
          set({ showAllErrors: false, status: 'connecting', runParams: result.params, events: [], cursor: null });
          const query = toStreamQuery(result.params).toString();
          void readEventStream({
            url: query ? `${streamUrl}?${query}` : streamUrl,
            signal: abort.signal,
            fetchImpl,
            now,
            onEvent: (event) => {
              if (event.type === 'open') current.openedAt = now();
              batcher.push(event);
            },
          });
          return true;
        },

        stop: () => {
          if (!connection) return;
          const stoppedAt = Math.max(0, now() - connection.openedAt);
          disconnect(); // delivers what had already arrived before recording the Stop
          const { status } = get();
          if (status === 'connecting') set({ status: 'idle', runParams: null, events: [] });
          else if (status === 'open') appendEvents([{ type: 'end', atMs: stoppedAt, reason: 'stopped' }]);
        },

        reset: () => {
          disconnect();
          set({ status: 'idle', runParams: null, events: [], cursor: null, showAllErrors: false, highlight: null });
        },

        seek: (cursor) => {
          const { events } = get();
          set({ cursor: cursor === null ? null : Math.max(0, Math.min(events.length, Math.round(cursor))) });
        },

        setHighlight: (highlight) => set({ highlight }),
      },
    };
  });
}

export type LessonStore = ReturnType<typeof createLessonStore>;
