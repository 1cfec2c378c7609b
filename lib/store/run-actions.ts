import type { StoreApi } from 'zustand/vanilla';
import { statusAfter } from '@/lib/trace/status-after';
import { validateDraft } from '@/lib/contract/draft';
import type { StreamEvent } from '@/lib/trace/types';
import type { WireLog } from '@/lib/lab/wire-log';
import type { ScheduleFlush } from './next-frame';
import type { LessonActions, LessonState } from './lesson-state';
import { EMPTY_WIRE_LOG } from './initial-lesson';
import { openStreamConnection } from './stream-connection';
import type { StreamConnection } from './stream-connection-types';

/** What the run actions reach outside the store: the network, the clock, the frame scheduler. */
export interface RunDependencies {
  fetchImpl: typeof fetch;
  now: () => number;
  scheduleFlush: ScheduleFlush;
  streamUrl: string;
}

type RunActions = Pick<LessonActions, 'run' | 'stop' | 'reset' | 'step' | 'cut'>;

/**
 * Run, Stop, Reset and Step: the actions that open and close the connection. The live
 * connection is kept here, not in the state, since nothing renders from it.
 */
export function createRunActions(set: StoreApi<LessonState>['setState'], get: () => LessonState, deps: RunDependencies): RunActions {
  const { fetchImpl, now, scheduleFlush, streamUrl } = deps;
  let connection: StreamConnection | null = null;

  function disconnect() {
    const closing = connection;
    connection = null;
    closing?.close(); // delivers what had already arrived, through appendEvents
  }

  function appendEvents(batch: StreamEvent[], wire?: (log: WireLog) => WireLog) {
    const last = batch.at(-1);
    if (!last) return;
    const ended = last.type === 'end' || last.type === 'error';
    set((state) => ({
      events: [...state.events, ...batch],
      status: statusAfter(last),
      ...(ended ? { stepStreamId: null } : {}),
      ...(wire ? { wire: wire(state.wire) } : {}),
    }));
    if (ended) connection = null;
  }

  return {
    run: () => {
      const result = validateDraft(get().draft);
      if (!result.ok) {
        set({ showAllErrors: true });
        return false;
      }
      disconnect();
      const { transport, closeAfterLast } = get();
      set({
        showAllErrors: false,
        status: 'connecting',
        runParams: result.params,
        runTransport: transport,
        events: [],
        wire: EMPTY_WIRE_LOG,
        cursor: null,
        stepStreamId: null,
      });
      const current = openStreamConnection({
        transport,
        closeAfterLast,
        params: result.params,
        baseUrl: streamUrl,
        fetchImpl,
        now,
        scheduleFlush,
        onEvents: appendEvents,
        onWire: (update) => set((state) => ({ wire: update(state.wire) })),
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
      const { status, events } = get();
      // Before anything arrived the run never started; once it has (EventSource may be waiting to reconnect), Stop is a row.
      if (events.length === 0) set({ status: 'idle', runParams: null, events: [], stepStreamId: null });
      else if (status === 'open' || status === 'connecting') appendEvents([{ type: 'end', atMs: stoppedAt, reason: 'stopped' }]);
    },

    reset: () => {
      disconnect();
      set({
        status: 'idle',
        runParams: null,
        runTransport: null,
        events: [],
        wire: EMPTY_WIRE_LOG,
        cursor: null,
        showAllErrors: false,
        highlight: null,
        stepStreamId: null,
      });
    },

    cut: () => connection?.cut() ?? false,

    step: () => {
      const id = get().stepStreamId;
      if (!id) return;
      // A refused Step (the stream has just ended) needs no message: the stream's end says it.
      void fetchImpl(`${streamUrl}/${encodeURIComponent(id)}/advance`, { method: 'POST' }).catch(() => undefined);
    },
  };
}
