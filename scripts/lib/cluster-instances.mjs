// @ts-check
// The cluster's production servers (`node server.mjs`), each on a free loopback port, started,
// killed and restarted one by one (scripts/cluster.mjs).
import { freePort } from './free-port.mjs';
import { answers200, startProcess, waitUntil } from './process-group.mjs';

/**
 * @typedef {object} Instance
 * @property {string} url  `http://127.0.0.1:PORT`, straight to this instance
 * @property {number} port
 * @property {() => number | undefined} pid  the running process's id (undefined while stopped)
 * @property {(signal?: NodeJS.Signals) => Promise<void>} kill  signals the instance's process group (SIGTERM unless told) and waits for it to exit
 * @property {() => Promise<void>} restart  stops it if it runs, starts it again on the same port, waits for /api/health
 * @property {() => string} output  the last lines it printed
 */

/**
 * `count` instances, not started yet: `start()` starts one and waits for its /api/health.
 * @param {number} count
 * @param {{ env: NodeJS.ProcessEnv, nodeArgs: string[], echo: boolean, log: (line: string) => void }} options
 * @returns {Promise<Array<Instance & { start: () => Promise<void> }>>}
 */
export async function createInstances(count, { env, nodeArgs, echo, log }) {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  return ports.map((port) => {
    const url = `http://127.0.0.1:${port}`;
    /** @type {import('./process-group.mjs').Child | null} */
    let proc = null;
    let lastOutput = '';
    const start = async () => {
      proc = startProcess(`instance:${port}`, process.execPath, [...nodeArgs, 'server.mjs'], {
        env: { ...env, PORT: String(port) },
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
}
