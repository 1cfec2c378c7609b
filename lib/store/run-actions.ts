import type { StoreApi } from 'zustand/vanilla';
import { validateDraft } from '@/lib/contract/draft';
import { toStreamQuery } from '@/lib/contract/stream-query';
import type { ConnectionStatus, StreamEvent } from '@/lib/trace/types';
import type { ScheduleFlush } from './frame-batcher';
import type { LessonActions, LessonState, WireLog } from './lesson-state';
import { WIRE_LOG_KEEP } from '@/lib/lesson/wire-log';
import { openStreamConnection, type StreamConnection, type WireEntry } from './stream-connection';

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
    case 'reconnect':
      return 'connecting'; // as EventSource's readyState says while it waits to reconnect
    case 'end':
      return 'closed';
    case 'error':
      return 'error';
  }
}

type RunActions = Pick<LessonActions, 'run' | 'stop' | 'reset' | 'step' | 'cut'>;

export const EMPTY_WIRE: WireLog = { chunks: [], items: [], dropped: 0 };

/** The wire log with a batch of entries added: chunks numbered by connection, items tied to their chunk. */
function appendWire(log: WireLog, batch: readonly WireEntry[], connection: number): WireLog {
  const chunks = [...log.chunks];
  const items = [...log.items];
  for (const entry of batch) {
    if (entry.kind === 'chunk') chunks.push({ ...entry.chunk, connection });
    else items.push({ ...entry.item, chunk: log.dropped + chunks.length - 1 });
  }
  const over = Math.max(0, chunks.length - WIRE_LOG_KEEP);
  if (over === 0) return { chunks, items, dropped: log.dropped };
  const dropped = log.dropped + over;
  return { chunks: chunks.slice(over), items: items.filter((item) => item.chunk >= dropped), dropped };
}

/**
 * Run, Stop, Reset and Step: the actions that open and close the connection. The live
 * connection is kept here, not in the state, since nothing renders from it.
 */
export function createRunActions(set: StoreApi<LessonState>['setState'], get: () => LessonState, deps: RunDependencies): RunActions {
  const { fetchImpl, now, scheduleFlush, streamUrl } = deps;
  let connection: StreamConnection | null = null;
  /** Which connection of the run the bytes now arriving belong to (a reconnect starts the next). */
  let connectionNumber = 1;

  function disconnect() {
    const closing = connection;
    connection = null;
    closing?.close(); // delivers what had already arrived, through appendEvents
  }

  function appendEvents(batch: StreamEvent[]) {
    const last = batch.at(-1);
    if (!last) return;
    const ended = last.type === 'end' || last.type === 'error';
    connectionNumber += batch.filter((event) => event.type === 'reconnect').length;
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
      const { transport, closeAfterLast } = get();
      connectionNumber = 1;
      set({
        showAllErrors: false,
        status: 'connecting',
        runParams: result.params,
        runTransport: transport,
        events: [],
        wire: EMPTY_WIRE,
        cursor: null,
        stepStreamId: null,
      });
      const query = toStreamQuery(result.params).toString();
      const current = openStreamConnection({
        transport,
        closeAfterLast,
        params: result.params,
        url: query ? `${streamUrl}?${query}` : streamUrl,
        fetchImpl,
        now,
        scheduleFlush,
        onEvents: appendEvents,
        onWire: (batch) => set((state) => ({ wire: appendWire(state.wire, batch, connectionNumber) })),
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
        wire: EMPTY_WIRE,
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
