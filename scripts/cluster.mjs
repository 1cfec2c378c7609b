// @ts-check
// Several Stepstream instances behind nginx, sharing one Redis: what docs/classroom.md's "Running several
// instances" describes, started on this machine in one command (and, as a module, by the cluster
// e2e spec and `npm run bench:room`).
//
//   node scripts/cluster.mjs [--instances 2] [--no-redis] [--no-nginx]
//
// starts Debian's redis-server (AOF on, fsync on every write, in a temp dir), N production servers
// (`node server.mjs`, REDIS_URL pointing at it, STEPSTREAM_TRUST_PROXY=1) and nginx from
// deploy/nginx.conf.template in front of them, every one on a free loopback port; prints the
// addresses; Ctrl-C stops them all and removes the temp dir. Build first (`npm run build`).
// Without Redis (`--no-redis`, `redis: false`) the instances keep rooms in memory: only sensible
// with one instance.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, chmodSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = path.join(ROOT, 'deploy', 'nginx.conf.template');
export const REDIS_SERVER = process.env.STEPSTREAM_REDIS_SERVER ?? '/usr/bin/redis-server';
export const NGINX = process.env.STEPSTREAM_NGINX ?? '/usr/sbin/nginx';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 6_000;

/**
 * @typedef {object} Instance
 * @property {string} url  `http://127.0.0.1:PORT`, straight to this instance
 * @property {number} port
 * @property {() => number | undefined} pid  the running process's id (undefined while stopped)
 * @property {(signal?: NodeJS.Signals) => Promise<void>} kill  signals the instance's process group (SIGTERM unless told) and waits for it to exit
 * @property {() => Promise<void>} restart  stops it if it runs, starts it again on the same port, waits for /api/health
 * @property {() => string} output  the last lines it printed
 *
 * @typedef {object} Redis
 * @property {string} url  `redis://127.0.0.1:PORT`
 * @property {number} port
 * @property {() => Promise<void>} stop  SIGTERM (Redis fsyncs its AOF and exits), waits for the exit
 * @property {() => Promise<void>} start  starts it on the same port and dir (the AOF reloads), waits for PING
 * @property {() => Promise<void>} restart  stop, then start
 * @property {() => string} output
 *
 * @typedef {object} Cluster
 * @property {string} url  nginx's address when there is one, else the first instance's
 * @property {Instance[]} instances
 * @property {Redis | null} redis
 * @property {{ url: string, port: number, output: () => string, accessLog: () => string } | null} nginx  `accessLog`: a line per finished request, with `upstream=` the instance that served it
 * @property {string} dir  the temp dir (Redis's data, nginx's prefix); removed by stop()
 * @property {() => Promise<void>} stop  stops everything this cluster started and removes the temp dir
 *
 * @typedef {object} ClusterOptions
 * @property {number} [instances]  how many `node server.mjs` (2)
 * @property {boolean} [redis]  Redis behind them (true); false: the memory hub, no REDIS_URL
 * @property {boolean} [nginx]  nginx in front (true)
 * @property {Record<string, string>} [env]  more environment for the instances
 * @property {string[]} [nodeArgs]  Node options for the instances, before server.mjs (the bench's `--expose-gc`)
 * @property {(line: string) => void} [log]  where to say what starts and stops (nowhere)
 * @property {boolean} [echo]  pass the children's output through to this process's stderr
 */

/** Every process group started here and still running: killed on this process's exit, however it ends. */
const running = new Set();
let exitHookInstalled = false;
function killEverythingNow() {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

/** A free TCP port on the loopback (none handed out twice by this process). */
const handedOut = new Set();
export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port && !handedOut.has(port)) {
      handedOut.add(port);
      return /** @type {number} */ (port);
    }
  }
}

/**
 * One child in a process group of its own (so stopping it stops whatever it started), its output
 * kept (the last 200 lines) for error messages.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, echo?: boolean }} options
 */
function startProcess(name, command, args, { cwd = ROOT, env = process.env, echo = false }) {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', killEverythingNow);
  }
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {string[]} */
  const lines = [];
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    const text = chunk.toString('utf8');
    if (echo) process.stderr.write(text.replace(/^(?=.)/gm, `[${name}] `));
    lines.push(...text.split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: could not start ${command}`);
  running.add(pid);
  /** @type {Promise<number | string | null>} */
  const exited = new Promise((resolve) => {
    child.once('error', (error) => {
      lines.push(String(error));
      running.delete(pid);
      resolve(null);
    });
    child.once('exit', (code, signal) => {
      running.delete(pid);
      resolve(signal ?? code);
    });
  });
  let alive = true;
  void exited.then(() => (alive = false));
  return {
    pid,
    exited,
    isAlive: () => alive,
    output: () => lines.join('\n'),
    /**
     * Signals the whole group and waits for the exit; SIGKILL after STOP_TIMEOUT_MS.
     * @param {NodeJS.Signals} [signal]
     */
    async kill(signal = 'SIGTERM') {
      if (!alive) return;
      try {
        process.kill(-pid, signal);
      } catch {
        // Gone already.
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      // The group may hold more than the leader (nothing here starts helpers, but make sure).
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // The usual case: the group is empty.
      }
    },
  };
}

/**
 * Polls `check` until it says yes; fails with the child's output if the child exits or time runs out.
 * @param {string} what
 * @param {() => Promise<boolean>} check
 * @param {{ isAlive: () => boolean, output: () => string }} child
 */
async function waitUntil(what, check, child, timeoutMs = READY_TIMEOUT_MS) {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    if (!child.isAlive()) throw new Error(`${what} exited before it was ready. Its output:\n${child.output()}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > giveUpAt) throw new Error(`${what} was not ready after ${timeoutMs / 1000} s. Its output:\n${child.output()}`);
    await sleep(100);
  }
}

/** @param {string} url */
async function answers200(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.status === 200;
}

/**
 * Redis's PING over a plain socket: true on +PONG (not while it is -LOADING its AOF).
 * @param {number} port
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

/** What is missing to run a cluster with these parts, as one message; null when nothing is. */
export function missingPieces({ redis = true, nginx = true } = {}) {
  const missing = [];
  if (redis && !existsSync(REDIS_SERVER)) missing.push(`redis-server (${REDIS_SERVER})`);
  if (nginx && !existsSync(NGINX)) missing.push(`nginx (${NGINX})`);
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) missing.push('a production build (.next/BUILD_ID: run `npm run build`)');
  if (missing.length === 0) return null;
  return `The cluster needs ${missing.join(' and ')}. Debian's packages: \`apt-get install redis-server nginx\` (node scripts/ensure-redis.mjs checks both).`;
}

/**
 * Starts a cluster and waits until every part answers. On any failure it stops what it started and throws.
 * @param {ClusterOptions} [options]
 * @returns {Promise<Cluster>}
 */
export async function startCluster({
  instances: count = 2,
  redis: withRedis = true,
  nginx: withNginx = true,
  env = {},
  nodeArgs = [],
  log = () => {},
  echo = false,
} = {}) {
  const missing = missingPieces({ redis: withRedis, nginx: withNginx });
  if (missing) throw new Error(missing);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stepstream-cluster-'));
  // nginx started as root runs its workers as nobody, which must reach its temp paths under here.
  chmodSync(dir, 0o755);
  /** @type {Array<() => Promise<void>>} */
  const stoppers = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    log('cluster stopped');
  };

  try {
    /** @type {Redis | null} */
    let redis = null;
    if (withRedis) {
      const port = await freePort();
      const dataDir = path.join(dir, 'redis');
      mkdirSync(dataDir);
      // prettier-ignore
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'always',
        '--save', '', '--daemonize', 'no', '--logfile', ''];
      /** @type {ReturnType<typeof startProcess> | null} */
      let proc = null;
      let lastOutput = '';
      const start = async () => {
        if (proc?.isAlive()) return;
        proc = startProcess(`redis:${port}`, REDIS_SERVER, args, { echo });
        const current = proc;
        await waitUntil(`redis-server on port ${port}`, () => redisPing(port), current);
        log(`redis   redis://127.0.0.1:${port} (pid ${current.pid})`);
      };
      const stopRedis = async () => {
        if (!proc) return;
        lastOutput = proc.output();
        await proc.kill('SIGTERM');
        proc = null;
      };
      redis = {
        url: `redis://127.0.0.1:${port}`,
        port,
        start,
        stop: stopRedis,
        restart: async () => {
          await stopRedis();
          await start();
        },
        output: () => proc?.output() ?? lastOutput,
      };
      stoppers.push(stopRedis);
      await start();
    }

    /** @type {NodeJS.ProcessEnv} */
    const instanceEnv = { ...process.env, HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', STEPSTREAM_TRUST_PROXY: '1' };
    if (redis) instanceEnv.REDIS_URL = redis.url;
    else delete instanceEnv.REDIS_URL;
    Object.assign(instanceEnv, env); // the caller's last: it may point REDIS_URL elsewhere (a proxy in front of Redis, say)

    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    /** @type {Instance[]} */
    const instances = ports.map((port) => {
      const url = `http://127.0.0.1:${port}`;
      /** @type {ReturnType<typeof startProcess> | null} */
      let proc = null;
      let lastOutput = '';
      const start = async () => {
        proc = startProcess(`instance:${port}`, process.execPath, [...nodeArgs, 'server.mjs'], {
          env: { ...instanceEnv, PORT: String(port) },
          echo,
        });
        const current = proc;
        await waitUntil(`node server.mjs on port ${port}`, () => answers200(`${url}/api/health`), current);
        log(`instance ${url} (pid ${current.pid})`);
      };
      const kill = async (/** @type {NodeJS.Signals} */ signal = 'SIGTERM') => {
        if (!proc) return;
        lastOutput = proc.output();
        await proc.kill(signal);
        proc = null;
      };
      return {
        url,
        port,
        pid: () => proc?.pid,
        kill,
        restart: async () => {
          await kill();
          await start();
        },
        output: () => proc?.output() ?? lastOutput,
        start,
      };
    });
    stoppers.push(async () => void (await Promise.all(instances.map((instance) => instance.kill()))));
    await Promise.all(instances.map((instance) => /** @type {Instance & { start: () => Promise<void> }} */ (instance).start()));

    /** @type {Cluster['nginx']} */
    let nginx = null;
    if (withNginx) {
      const port = await freePort();
      const prefix = path.join(dir, 'nginx');
      mkdirSync(prefix);
      for (const temp of ['client_body_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) {
        mkdirSync(path.join(prefix, temp));
        chmodSync(path.join(prefix, temp), 0o777);
      }
      const root = typeof process.getuid === 'function' && process.getuid() === 0;
      const config = fillTemplate(readFileSync(TEMPLATE, 'utf8'), {
        PREFIX: prefix,
        USER: root ? 'user nobody nogroup;' : '# (not root: the workers run as this user)',
        LISTEN: `127.0.0.1:${port}`,
        UPSTREAMS: ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n'),
      });
      const configPath = path.join(prefix, 'nginx.conf');
      writeFileSync(configPath, config);
      const proc = startProcess(`nginx:${port}`, NGINX, ['-p', `${prefix}/`, '-c', configPath, '-e', path.join(prefix, 'error.log')], {
        echo,
      });
      const url = `http://127.0.0.1:${port}`;
      // SIGQUIT would wait for every open event stream to end; SIGTERM closes them now.
      stoppers.push(() => proc.kill('SIGTERM'));
      const output = () => {
        let errorLog = '';
        try {
          errorLog = readFileSync(path.join(prefix, 'error.log'), 'utf8');
        } catch {
          // Not written yet.
        }
        return `${proc.output()}\n${errorLog}`.trim();
      };
      await waitUntil(`nginx on port ${port}`, () => answers200(`${url}/api/health`), { isAlive: proc.isAlive, output });
      log(`nginx   ${url} (pid ${proc.pid}) -> ${instances.map((instance) => instance.url).join(', ')}`);
      const accessLog = () => {
        try {
          return readFileSync(path.join(prefix, 'access.log'), 'utf8');
        } catch {
          return '';
        }
      };
      nginx = { url, port, output, accessLog };
    }

    return { url: nginx?.url ?? instances[0]?.url ?? '', instances, redis, nginx, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Replaces every `{{NAME}}`; a placeholder left without a value is a mistake, said at once.
 * @param {string} template
 * @param {Record<string, string>} values
 */
export function fillTemplate(template, values) {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/nginx.conf.template: no value for {{${name}}}`);
    return value;
  });
}

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { instances: 2, redis: true, nginx: true, echo: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--instances') options.instances = Number.parseInt(argv[++i] ?? '', 10);
    else if (arg === '--no-redis') options.redis = false;
    else if (arg === '--no-nginx') options.nginx = false;
    else if (arg === '--echo') options.echo = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('node scripts/cluster.mjs [--instances N] [--no-redis] [--no-nginx] [--echo]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  if (!Number.isInteger(options.instances) || options.instances < 1) throw new Error('--instances takes a whole number ≥ 1');
  return options;
}

/** The CLI: start, print the addresses, stop on Ctrl-C. (No top-level await: the e2e spec require()s this module.) */
async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (/** @type {string} */ line) => console.log(line);
  const cluster = await startCluster({ ...options, log });
  console.log('');
  console.log(`Stepstream cluster ready: open ${cluster.url}`);
  console.log(`  instances: ${cluster.instances.map((instance) => instance.url).join('  ')}`);
  if (cluster.redis) console.log(`  redis:     ${cluster.redis.url} (AOF in ${cluster.dir}/redis)`);
  console.log('Ctrl-C stops everything.');
  let stopping = false;
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping the cluster`);
      void cluster.stop().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
