// The servers under test, each a child process on its own loopback port, started and stopped one
// at a time. Every child is tracked so that the bench kills it on any exit (error, Ctrl-C included).
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
const PRELOAD = path.join(here, 'gc-on-signal.cjs');
const FLOOR = path.join(here, 'floor-server.mjs');
const FLASK_SEED = path.join(ROOT, 'bench', 'flask_seed.py');
const SYSTEM_PYTHON = '/usr/bin/python3';

// `python3 -m flask …`, plus what gc-on-signal.cjs does for Node: exit if the bench disappears.
const FLASK_MAIN = `
import os, runpy, sys, threading, time
bench = int(os.environ.get('STEPSTREAM_BENCH_PARENT', '0'))
def watch():
    while True:
        time.sleep(1)
        if os.getppid() != bench:
            os._exit(1)
if bench:
    threading.Thread(target=watch, daemon=True).start()
sys.argv[0] = 'flask'
runpy.run_module('flask', run_name='__main__', alter_sys=True)
`;

const children = new Set();

/** Kills every child still running: SIGKILL, synchronously (for process 'exit'). */
export function killAllNow() {
  for (const child of children) {
    try {
      child.process.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  children.clear();
}

/** Children die with us, however we go: exit, a signal, an uncaught error. */
export function killAllOnExit(log) {
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      log(`${signal}: stopping servers`);
      killAllNow();
      process.exit(130);
    });
  }
  const die = (error) => {
    console.error(error);
    killAllNow();
    process.exit(1);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
}

/** One GET to the loopback server; resolves with status and body, rejects on error or timeout. */
export function get(port, urlPath, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${urlPath} timed out`)));
    request.on('error', reject);
  });
}

/** Whether Debian's Flask can be imported by /usr/bin/python3. */
export function flaskAvailable() {
  if (!existsSync(SYSTEM_PYTHON)) return false;
  return spawnSync(SYSTEM_PYTHON, ['-c', 'import flask'], { stdio: 'ignore' }).status === 0;
}

/** Is anything listening on this loopback port? */
export async function portInUse(port) {
  try {
    await get(port, '/', 500);
    return true;
  } catch (error) {
    return error.code !== 'ECONNREFUSED';
  }
}

/** server.mjs on the production build, caps off; `env` on top. */
const nextServer = (port, cpuProfDir, env = {}) => ({
  command: process.execPath,
  args: [
    '--expose-gc',
    '-r',
    PRELOAD,
    ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []),
    path.join(ROOT, 'server.mjs'),
  ],
  env: {
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    STEPSTREAM_MAX_STREAMS_PER_CLIENT: '0',
    STEPSTREAM_MAX_STREAMS: '0',
    ...env,
  },
  streamPath: '/api/stream',
  healthPath: '/api/health',
  canGc: true,
});

const KINDS = {
  next: (port, { cpuProfDir }) => nextServer(port, cpuProfDir),
  'next-route': (port, { cpuProfDir }) => nextServer(port, cpuProfDir, { STEPSTREAM_STREAM_VIA_NEXT: '1' }),
  floor: (port) => ({
    command: process.execPath,
    args: ['--expose-gc', '-r', PRELOAD, FLOOR],
    env: { PORT: String(port), HOST: '127.0.0.1' },
    streamPath: '/api/stream',
    healthPath: '/api/health',
    canGc: true,
  }),
  flask: (port) => ({
    command: SYSTEM_PYTHON,
    args: [
      '-c',
      FLASK_MAIN,
      '--app',
      FLASK_SEED,
      'run',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--with-threads',
      '--no-reload',
      '--no-debugger',
    ],
    env: { FLASK_DEBUG: '0', PYTHONDONTWRITEBYTECODE: '1' },
    streamPath: '/stream',
    healthPath: null,
    canGc: false,
  }),
};

/**
 * Starts a server and waits until it answers (its health route, or a one-frame stream for Flask).
 * Returns a handle: pid, paths, gc(), health(), stop(), and the last lines it printed.
 */
export async function startServer(kind, port, { startTimeoutMs = 90_000, cpuProfDir = null, verbose = false } = {}) {
  const spec = KINDS[kind](port, { cpuProfDir });
  const child = spawn(spec.command, spec.args, {
    cwd: ROOT,
    env: { ...process.env, ...spec.env, STEPSTREAM_BENCH_PARENT: String(process.pid) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = {
    kind,
    port,
    pid: child.pid,
    process: child,
    streamPath: spec.streamPath,
    healthPath: spec.healthPath,
    canGc: spec.canGc,
    log: [],
    exited: null,
  };
  children.add(handle);
  const gcWaiters = [];
  const onLines = (stream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        if (line.startsWith('[bench-gc] ')) {
          gcWaiters.shift()?.(JSON.parse(line.slice(11)));
          continue;
        }
        if (verbose) console.log(`  [${kind}] ${line}`);
        handle.log.push(line);
        if (handle.log.length > 40) handle.log.shift();
      }
    });
  };
  onLines(child.stdout);
  onLines(child.stderr);
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      handle.exited = { code, signal };
      children.delete(handle);
      resolve(handle.exited);
    }),
  );

  /** Forces a full GC in the server (SIGUSR2, see gc-on-signal.cjs); its memoryUsage() right after. */
  handle.gc = async (timeoutMs = 10_000) => {
    if (!spec.canGc) return null;
    const answer = new Promise((resolve) => gcWaiters.push(resolve));
    child.kill('SIGUSR2');
    return Promise.race([answer, sleep(timeoutMs).then(() => null)]);
  };
  handle.health = async () => (spec.healthPath ? JSON.parse((await get(port, spec.healthPath)).body) : null);
  /** Polls the health route until no stream is open; the last count seen. */
  handle.waitForNoStreams = async (timeoutMs = 30_000) => {
    if (!spec.healthPath) return null;
    const deadline = Date.now() + timeoutMs;
    let active = null;
    while (Date.now() < deadline) {
      try {
        active = (await handle.health()).activeStreams;
        if (active === 0) return 0;
      } catch {
        // The server is busy; ask again.
      }
      await sleep(100);
    }
    return active;
  };
  handle.stop = async () => {
    if (handle.exited) return handle.exited;
    child.kill('SIGTERM');
    const result = await Promise.race([exited, sleep(8000).then(() => null)]);
    if (result) return result;
    child.kill('SIGKILL');
    return exited;
  };

  const probe = spec.healthPath ?? `${spec.streamPath}?n=1&delay=0`;
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (handle.exited) throw new Error(`${kind} server exited during start (${JSON.stringify(handle.exited)}):\n${handle.log.join('\n')}`);
    try {
      const { status } = await get(port, probe, 2000);
      if (status === 200) return handle;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  await handle.stop();
  throw new Error(`${kind} server did not answer ${probe} within ${startTimeoutMs / 1000} s:\n${handle.log.join('\n')}`);
}
