// @ts-check
// nginx in front of the cluster's instances (scripts/cluster.mjs): its config filled in from
// deploy/nginx.conf.template, its prefix (pid file, logs, temp paths) under the cluster's dir.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port.mjs';
import { ROOT, answers200, startProcess, waitUntil } from './process-group.mjs';

const TEMPLATE = path.join(ROOT, 'deploy', 'nginx.conf.template');
export const NGINX = process.env.STEPSTREAM_NGINX ?? '/usr/sbin/nginx';

/**
 * @typedef {object} Nginx
 * @property {string} url
 * @property {number} port
 * @property {() => string} output
 * @property {() => string} accessLog  a line per finished request, with `upstream=` the instance that served it
 */

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

/** @param {string} file  its text, or '' while it is not written yet */
function readIfThere(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Starts nginx on a free loopback port in front of `upstreamPorts` and waits until it answers
 * /api/health; `onStop` is handed its stopper as soon as it runs.
 * @param {{ dir: string, upstreamPorts: number[], echo: boolean, onStop: (stop: () => Promise<void>) => void }} options
 * @returns {Promise<Nginx>}
 */
export async function startNginx({ dir, upstreamPorts, echo, onStop }) {
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
    UPSTREAMS: upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n'),
  });
  const configPath = path.join(prefix, 'nginx.conf');
  writeFileSync(configPath, config);
  const errorLog = path.join(prefix, 'error.log');
  const proc = startProcess(`nginx:${port}`, NGINX, ['-p', `${prefix}/`, '-c', configPath, '-e', errorLog], { echo });
  const url = `http://127.0.0.1:${port}`;
  // SIGQUIT would wait for every open event stream to end; SIGTERM closes them now.
  onStop(() => proc.kill('SIGTERM'));
  const output = () => `${proc.output()}\n${readIfThere(errorLog)}`.trim();
  await waitUntil(`nginx on port ${port}`, () => answers200(`${url}/api/health`), { isAlive: proc.isAlive, output });
  return { url, port, output, accessLog: () => readIfThere(path.join(prefix, 'access.log')) };
}
