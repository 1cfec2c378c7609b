// @ts-check
// The one way Stepstream starts a redis-server of its own: the Redis hub's tests
// (lib/server/room/testing/redis-test-server.ts), scripts/cluster.mjs and, through it, the room
// bench (bench/room.mjs). On a free loopback port, in the foreground, its log kept in memory.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.mjs';

/** Debian's redis-server, as CI installs it (scripts/ensure-redis.mjs); STEPSTREAM_REDIS_SERVER to use another. */
export const REDIS_SERVER = process.env.STEPSTREAM_REDIS_SERVER ?? '/usr/bin/redis-server';
const START_TIMEOUT_MS = 10_000;
/** How long a SIGTERM may take (Redis flushes its AOF first) before SIGKILL. */
const STOP_TIMEOUT_MS = 6_000;
const KEPT_LINES = 200;

/**
 * @typedef {object} RedisServerOptions
 * @property {number} [port]  a free loopback port unless given
 * @property {string} [dir]  its working dir (the AOF); a temp dir, removed by close(), unless given
 * @property {boolean} [appendOnly]  persist: an append-only file, fsync on every write, so a restart
 *   loses nothing it acknowledged (false: no persistence at all, a restart starts empty)
 * @property {string} [name]  how its echoed lines are prefixed (`redis:PORT`)
 * @property {boolean} [echo]  pass its output through to this process's stderr
 *
 * @typedef {object} RedisServer
 * @property {string} url  `redis://127.0.0.1:PORT`
 * @property {number} port
 * @property {string} dir  where its data lives: a restart reloads it
 * @property {() => number | undefined} pid  the running process's id (undefined while stopped)
 * @property {() => Promise<void>} start  starts it (if it is not running) on the same port and dir, waits for PING
 * @property {() => Promise<void>} stop  SIGTERM (Redis writes its AOF and exits), waits for the exit
 * @property {(whileDown?: () => Promise<void>) => Promise<void>} restart  stop, run `whileDown`, start
 * @property {() => Promise<void>} close  stops it for good, and removes `dir` if it was made for it
 * @property {() => string} output  the last lines it printed
 */

/** Throws, with what to do, when redis-server is not there. */
export function assertRedisServer() {
  try {
    accessSync(REDIS_SERVER, constants.X_OK);
  } catch {
    throw new Error(`${REDIS_SERVER} is missing: run \`node scripts/ensure-redis.mjs\` (or \`sudo apt-get install -y redis-server\`).`);
  }
}

/**
 * Whether the server answers PING with PONG (not while it is -LOADING its AOF), over a plain
 * socket: no client library to configure.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function redisPing(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * Starts redis-server on loopback and waits until it answers PING. Throws when redis-server is
 * missing, exits, or does not answer within START_TIMEOUT_MS. If this process exits without
 * stopping it, the server is killed with it.
 * @param {RedisServerOptions} [options]
 * @returns {Promise<RedisServer>}
 */
export async function startRedisServer({ port: askedPort, dir: askedDir, appendOnly = false, name, echo = false } = {}) {
  assertRedisServer();
  const port = askedPort ?? (await freePort());
  const dir = askedDir ?? (await mkdtemp(path.join(tmpdir(), 'stepstream-redis-')));
  const persistence = appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  // prettier-ignore
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...persistence,
    '--daemonize', 'no', '--logfile', ''];
  const prefix = `[${name ?? `redis:${port}`}] `;
  /** @type {string[]} */
  const lines = [];
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  // If this process dies without stopping it, the server must not outlive it.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    const text = chunk.toString('utf8');
    if (echo) process.stderr.write(text.replace(/^(?=.)/gm, prefix));
    lines.push(...text.split('\n').filter(Boolean));
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  const output = () => lines.join('\n');

  /** @param {import('node:child_process').ChildProcess} running */
  const exited = (running) =>
    running.exitCode !== null || running.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => running.once('exit', () => resolve(undefined)));

  async function stop() {
    if (!child) return;
    const running = child;
    child = null;
    running.kill('SIGTERM'); // Redis shuts down cleanly on SIGTERM: the AOF is flushed first
    const timer = setTimeout(() => running.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited(running);
    clearTimeout(timer);
  }

  async function start() {
    if (child) return;
    const started = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    started.once('error', (error) => lines.push(String(error)));
    const giveUpAt = Date.now() + START_TIMEOUT_MS;
    while (!(await redisPing(port))) {
      if (started.exitCode !== null || started.signalCode !== null) {
        if (child === started) child = null;
        throw new Error(`redis-server on port ${port} exited before it answered PING. Its output:\n${output()}`);
      }
      if (Date.now() > giveUpAt) {
        await stop();
        throw new Error(`redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS} ms. Its output:\n${output()}`);
      }
      await sleep(50);
    }
  }

  const close = async () => {
    await stop();
    process.removeListener('exit', killOnExit);
    if (!askedDir) await rm(dir, { recursive: true, force: true });
  };
  try {
    await start();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    pid: () => child?.pid,
    start,
    stop,
    async restart(whileDown) {
      await stop();
      await whileDown?.();
      await start();
    },
    close,
    output,
  };
}
