import 'server-only';
import { encodeComment } from '@/lib/sse/encode';
import type { StreamLimits } from './limits';
import { processState, type StopStream } from './process-state';

export type Admission = { ok: true; slot: StreamSlot } | { ok: false; status: 429 | 503; error: string; retryAfterSeconds: number };

/** A stream's place in the registry, held from admission until the stream ends. */
export interface StreamSlot {
  /** Tells the registry how to stop this stream (at shutdown). */
  attach(stop: StopStream): void;
  /** Gives the place back; idempotent. */
  release(): void;
}

/** Admits a new stream for `client`, or says why not: the per-client cap, the process cap, or shutdown. */
export function admitStream(client: string, limits: StreamLimits): Admission {
  const state = processState();
  if (state.draining) return { ok: false, status: 503, error: 'The server is shutting down; try again in a moment.', retryAfterSeconds: 5 };
  if (state.open.size >= limits.total) {
    return {
      ok: false,
      status: 503,
      error: `The server is at its limit of ${limits.total} streams; try again shortly.`,
      retryAfterSeconds: 5,
    };
  }
  const mine = state.perClient.get(client) ?? 0;
  if (mine >= limits.perClient) {
    return {
      ok: false,
      status: 429,
      error: `Too many open streams from your address (the limit is ${limits.perClient}); close one and try again.`,
      retryAfterSeconds: 1,
    };
  }
  const id = state.nextId++;
  state.open.set(id, { client, stop: null });
  state.perClient.set(client, mine + 1);
  let released = false;
  return {
    ok: true,
    slot: {
      attach(stop) {
        const entry = state.open.get(id);
        if (entry) entry.stop = stop;
      },
      release() {
        if (released) return;
        released = true;
        state.open.delete(id);
        const left = (state.perClient.get(client) ?? 1) - 1;
        if (left > 0) state.perClient.set(client, left);
        else state.perClient.delete(client);
      },
    },
  };
}

/** What `GET /api/health` reports. */
export function registryHealth() {
  const state = processState();
  return {
    status: state.draining ? ('draining' as const) : ('ok' as const),
    activeStreams: state.open.size,
    uptimeSeconds: Math.round((Date.now() - state.startedAt) / 1000),
  };
}

export const SHUTDOWN_COMMENT = encodeComment('server shutting down');

/**
 * Stops admitting streams and ends every open one with a final comment. Returns how many it
 * ended. `server.mjs` calls it on SIGTERM, through the hand-over (`hand-over.ts`).
 */
export function shutdownStreams(): number {
  const state = processState();
  state.draining = true;
  const stops = [...state.open.values()].map((entry) => entry.stop);
  for (const stop of stops) stop?.(SHUTDOWN_COMMENT);
  // The classroom: followers reconnect elsewhere; a room's run here ends, saying why, so no room waits on it forever.
  const followers = [...state.roomStreams];
  for (const end of followers) end(SHUTDOWN_COMMENT);
  for (const run of state.roomRuns.values()) run.stop('The server running this stream shut down; Run again to start a new one.');
  return stops.length + followers.length;
}

/** How many streams are open (room followers included). */
export const activeStreams = () => processState().open.size + processState().roomStreams.size;

/** For tests: forget draining (each test file shares the process's registry). */
export function resumeAdmissions() {
  processState().draining = false;
}
