// @ts-check
// Several Stepstream instances behind nginx, sharing one Redis: what docs/classroom.md's "Running several
// instances" describes, started on this machine in one command (and, as a module, by the cluster
// e2e spec and `npm run bench:room`).
//
//   node scripts/cluster.mjs [--instances 2] [--no-redis] [--no-nginx]
//
// starts Debian's redis-server (AOF on, fsync on every write, in a temp dir; scripts/lib/redis-server.mjs),
// N production servers (`node server.mjs`, REDIS_URL pointing at it, STEPSTREAM_TRUST_PROXY=1;
// scripts/lib/cluster-instances.mjs) and nginx from deploy/nginx.conf.template in front of them
// (scripts/lib/cluster-nginx.mjs), every one on a free loopback port; prints the addresses; Ctrl-C
// stops them all and removes the temp dir. Build first (`npm run build`).
// Without Redis (`--no-redis`, `redis: false`) the instances keep rooms in memory: only sensible
// with one instance.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInstances } from './lib/cluster-instances.mjs';
import { NGINX, startNginx } from './lib/cluster-nginx.mjs';
import { ROOT } from './lib/process-group.mjs';
import { REDIS_SERVER, startRedisServer } from './lib/redis-server.mjs';

/**
 * @typedef {import('./lib/cluster-instances.mjs').Instance} Instance
 * @typedef {import('./lib/redis-server.mjs').RedisServer} Redis
 *
 * @typedef {object} Cluster
 * @property {string} url  nginx's address when there is one, else the first instance's
 * @property {Instance[]} instances
 * @property {Redis | null} redis
 * @property {import('./lib/cluster-nginx.mjs').Nginx | null} nginx
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
 * The instances' environment: behind a proxy, pointed at this Redis (or at none: the memory hub),
 * the caller's last (it may point REDIS_URL elsewhere: a proxy in front of Redis, say).
 * @param {Redis | null} redis
 * @param {Record<string, string>} env
 */
function instanceEnvironment(redis, env) {
  /** @type {NodeJS.ProcessEnv} */
  const instanceEnv = { ...process.env, HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', STEPSTREAM_TRUST_PROXY: '1' };
  if (redis) instanceEnv.REDIS_URL = redis.url;
  else delete instanceEnv.REDIS_URL;
  return Object.assign(instanceEnv, env);
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
      const dataDir = path.join(dir, 'redis');
      mkdirSync(dataDir);
      redis = await startRedisServer({ dir: dataDir, appendOnly: true, echo });
      stoppers.push(redis.close);
      log(`redis   ${redis.url} (pid ${redis.pid()})`);
    }

    const instances = await createInstances(count, { env: instanceEnvironment(redis, env), nodeArgs, echo, log });
    stoppers.push(async () => void (await Promise.all(instances.map((instance) => instance.kill()))));
    await Promise.all(instances.map((instance) => instance.start()));

    /** @type {Cluster['nginx']} */
    let nginx = null;
    if (withNginx) {
      const upstreamPorts = instances.map((instance) => instance.port);
      nginx = await startNginx({ dir, upstreamPorts, echo, onStop: (stopNginx) => stoppers.push(stopNginx) });
      log(`nginx   ${nginx.url} -> ${instances.map((instance) => instance.url).join(', ')}`);
    }

    return { url: nginx?.url ?? instances[0]?.url ?? '', instances, redis, nginx, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
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
