import 'server-only';
import { startRedisServer as launch } from '@/scripts/lib/redis-server.mjs';

export interface RedisTestServer {
  url: string;
  port: number;
  /** Where the append-only file lives: a restart reloads it. */
  dir: string;
  /** Stops the server for good (and removes `dir` if it was made for it). */
  stop(): Promise<void>;
  /** Stops the server, runs `whileDown` (if given), then starts it again on the same port and dir. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

/**
 * Starts a real redis-server on loopback for a test file, through the one launcher
 * (scripts/lib/redis-server.mjs): append-only, fsync on every write, so a restart loses nothing it
 * acknowledged. Throws, failing the test, when redis-server is missing.
 */
export async function startRedisServer(options: { dir?: string; port?: number } = {}): Promise<RedisTestServer> {
  const server = await launch({ ...options, appendOnly: true });
  return { url: server.url, port: server.port, dir: server.dir, stop: server.close, restart: server.restart };
}
