import 'server-only';
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's redis-server, as CI installs it (scripts/ensure-redis.mjs). */
export const REDIS_SERVER = '/usr/bin/redis-server';
const START_TIMEOUT_MS = 10_000;

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

/** A port the kernel just handed out on loopback: free, unless something takes it in between. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port from the kernel');
  return address.port;
}

/** Whether the server answers PING with PONG, over a plain socket (no client library to configure). */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts a real redis-server on loopback for a test file: append-only, fsync on every write, so a
 * restart loses nothing it acknowledged. Throws, failing the test, when redis-server is missing.
 */
export async function startRedisServer(options: { dir?: string; port?: number } = {}): Promise<RedisTestServer> {
  try {
    accessSync(REDIS_SERVER, constants.X_OK);
  } catch {
    throw new Error(`${REDIS_SERVER} is missing: run \`node scripts/ensure-redis.mjs\` (or \`sudo apt-get install -y redis-server\`).`);
  }
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'stepstream-redis-')));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'];
  args.push('--dir', dir, '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log'));
  let child: ChildProcess | null = null;
  // If the test process dies without stopping it, the server must not outlive it.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  async function start() {
    const started = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    child = started;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await pings(port))) {
      if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}; see ${path.join(dir, 'redis.log')}`);
      if (Date.now() > deadline) {
        await halt();
        throw new Error(`redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  async function halt() {
    if (!child) return;
    const running = child;
    child = null;
    running.kill('SIGTERM'); // Redis shuts down cleanly on SIGTERM: the AOF is flushed first
    await exited(running);
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      await halt();
      process.removeListener('exit', killOnExit);
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
    async restart(whileDown) {
      await halt();
      await whileDown?.();
      await start();
    },
  };
}
