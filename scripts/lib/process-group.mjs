// @ts-check
// The children scripts/cluster.mjs starts (the instances, nginx): each in a process group of its
// own, its output kept for error messages, all killed when this process exits however it ends.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 6_000;
const KEPT_LINES = 200;

/** Every process group started here and still running: killed on this process's exit. */
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

/**
 * @typedef {object} Child
 * @property {number} pid
 * @property {Promise<number | string | null>} exited  its exit code or signal
 * @property {() => boolean} isAlive
 * @property {() => string} output  the last lines it printed
 * @property {(signal?: NodeJS.Signals) => Promise<void>} kill  signals the whole group and waits for the exit; SIGKILL after STOP_TIMEOUT_MS
 */

/**
 * One child in a process group of its own (so stopping it stops whatever it started), its output
 * kept (the last 200 lines) for error messages.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, echo?: boolean }} options
 * @returns {Child}
 */
export function startProcess(name, command, args, { cwd = ROOT, env = process.env, echo = false }) {
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
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
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
  /** @param {NodeJS.Signals} signal */
  const signalGroup = (signal) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Gone already.
    }
  };
  return {
    pid,
    exited,
    isAlive: () => alive,
    output: () => lines.join('\n'),
    async kill(signal = 'SIGTERM') {
      if (!alive) return;
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      // The group may hold more than the leader (nothing here starts helpers, but make sure).
      signalGroup('SIGKILL');
    },
  };
}

/**
 * Polls `check` until it says yes; fails with the child's output if the child exits or time runs out.
 * @param {string} what
 * @param {() => Promise<boolean>} check
 * @param {{ isAlive: () => boolean, output: () => string }} child
 */
export async function waitUntil(what, check, child, timeoutMs = READY_TIMEOUT_MS) {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    if (!child.isAlive()) throw new Error(`${what} exited before it was ready. Its output:\n${child.output()}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > giveUpAt) throw new Error(`${what} was not ready after ${timeoutMs / 1000} s. Its output:\n${child.output()}`);
    await sleep(100);
  }
}

/** @param {string} url */
export async function answers200(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.arrayBuffer();
  return response.status === 200;
}
