import type { StoreApi } from 'zustand/vanilla';
import { validateDraft } from '@/lib/contract/draft';
import { toStreamQuery } from '@/lib/contract/query';
import type { ConnectionStatus, StreamEvent } from '@/lib/trace/types';
import type { ScheduleFlush } from './frame-batcher';
import type { LessonActions, LessonState } from './lesson-state';
import { openStreamConnection, type StreamConnection } from './stream-connection';

/** What the run actions reach outside the store: the network, the clock, the frame scheduler. */
export interface RunDependencies {
  fetchImpl: typeof fetch;
  now: () => number;
  scheduleFlush: ScheduleFlush;
  streamUrl: string;
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

type RunActions = Pick<LessonActions, 'run' | 'stop' | 'reset' | 'step'>;

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

  function appendEvents(batch: StreamEvent[]) {
    const last = batch.at(-1);
    if (!last) return;
    const ended = last.type === 'end' || last.type === 'error';
    set((state) => ({ events: [...state.events, ...batch], status: statusAfter(last), ...(ended ? { stepStreamId: null } : {}) }));
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
  };
}
