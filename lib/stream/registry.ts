import { encodeComment } from '@/lib/sse/encode';
import type { StreamLimits } from './limits';

/** Ends a stream early: sends `finalFrame`, then closes it. */
export type StopStream = (finalFrame: string) => void;

interface Registry {
  startedAt: number;
  draining: boolean;
  /** Every open stream, with how to stop it. */
  open: Map<number, { client: string; stop: StopStream | null }>;
  perClient: Map<string, number>;
  nextId: number;
}

const REGISTRY_KEY = Symbol.for('stepstream.stream-registry');

/**
 * One registry per process. Kept on `globalThis` because Next.js may load this module once per
 * route bundle, and `server.mjs` (which cannot import TypeScript) finds the shutdown hook there too.
 */
function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  holder[REGISTRY_KEY] ??= { startedAt: Date.now(), draining: false, open: new Map(), perClient: new Map(), nextId: 1 };
  return holder[REGISTRY_KEY];
}

export type Admission =
  | { ok: true; slot: StreamSlot }
  | { ok: false; status: 429 | 503; error: string; retryAfterSeconds: number };

/** A stream's place in the registry, held from admission until the stream ends. */
export interface StreamSlot {
  /** Tells the registry how to stop this stream (at shutdown). */
  attach(stop: StopStream): void;
  /** Gives the place back; idempotent. */
  release(): void;
}

/** Admits a new stream for `client`, or says why not: the per-client cap, the process cap, or shutdown. */
export function admitStream(client: string, limits: StreamLimits): Admission {
  const state = registry();
  if (state.draining) return { ok: false, status: 503, error: 'The server is shutting down; try again in a moment.', retryAfterSeconds: 5 };
  if (state.open.size >= limits.total) {
    return { ok: false, status: 503, error: `The server is at its limit of ${limits.total} streams; try again shortly.`, retryAfterSeconds: 5 };
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
  const state = registry();
  return {
    status: state.draining ? ('draining' as const) : ('ok' as const),
    activeStreams: state.open.size,
    uptimeSeconds: Math.round((Date.now() - state.startedAt) / 1000),
  };
}

export const SHUTDOWN_COMMENT = encodeComment('server shutting down');

/**
 * Stops admitting streams and ends every open one with a final comment. Returns how many it
 * ended. Called by `server.mjs` on SIGTERM through `globalThis[Symbol.for('stepstream.shutdown')]`.
 */
export function shutdownStreams(): number {
  const state = registry();
  state.draining = true;
  const stops = [...state.open.values()].map((entry) => entry.stop);
  for (const stop of stops) stop?.(SHUTDOWN_COMMENT);
  return stops.length;
}

(globalThis as Record<symbol, unknown>)[Symbol.for('stepstream.shutdown')] = shutdownStreams;
(globalThis as Record<symbol, unknown>)[Symbol.for('stepstream.active-streams')] = () => registry().open.size;

/** For tests: forget draining (each test file shares the process's registry). */
export function resumeAdmissions() {
  registry().draining = false;
}
