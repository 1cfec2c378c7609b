import 'server-only';
import { processState } from '../process-state';
import type { RoomHub } from './hub';
import { createMemoryHub } from './memory-hub';

/**
 * This process's hub: Redis when `REDIS_URL` is set (every instance sharing it sees the same
 * rooms), else memory (one instance; nothing to set up). Made on first use; the Redis client
 * loads only when asked for.
 */
export function roomHub(env: Record<string, string | undefined> = process.env): Promise<RoomHub> {
  const state = processState();
  state.roomHub ??= env.REDIS_URL
    ? import('./redis/hub').then(({ createRedisHub }) => createRedisHub({ url: env.REDIS_URL! }))
    : Promise.resolve(createMemoryHub());
  return state.roomHub;
}

/** Which hub this process uses, for /api/health and the startup line. */
export const roomHubKind = (env: Record<string, string | undefined> = process.env) => (env.REDIS_URL ? 'redis' : 'memory');
