// What a process (and its descendants) costs, read from /proc: CPU seconds and resident memory.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

let clockTicks = 100;
try {
  clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // 100 on every Linux we run on.
}

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** `pid` and every descendant still alive (Next.js may start helpers; today it starts none). */
export function processTree(pid) {
  const out = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift();
    out.push(current);
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = read(`/proc/${current}/task/${task}/children`);
      if (children) for (const child of children.trim().split(/\s+/).filter(Boolean)) queue.push(Number(child));
    }
  }
  return out;
}

/** utime + stime of one process, in seconds (fields 14 and 15 of /proc/<pid>/stat). */
function cpuSecondsOf(pid) {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (14) is fields[11] and stime (15) fields[12].
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

function statusKB(pid, key) {
  const status = read(`/proc/${pid}/status`);
  const match = status?.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : 0;
}

/** CPU seconds used so far by `pid` and its live descendants. */
export const cpuSeconds = (pid) => processTree(pid).reduce((sum, p) => sum + cpuSecondsOf(p), 0);
/** Resident set, in KB, of `pid` and its live descendants. */
export const rssKB = (pid) => processTree(pid).reduce((sum, p) => sum + statusKB(p, 'VmRSS'), 0);
/** High-water mark of the resident set since each process started, in KB (VmHWM). */
export const hwmKB = (pid) => processTree(pid).reduce((sum, p) => sum + statusKB(p, 'VmHWM'), 0);
export const threadCount = (pid) => processTree(pid).reduce((sum, p) => sum + statusKB(p, 'Threads'), 0);

/** Samples RSS every `everyMs` until stopped; the peak and the series (ms since start, KB). */
export function sampleRss(pid, everyMs = 100) {
  const started = performance.now();
  const samples = [];
  let peak = 0;
  const take = () => {
    const kb = rssKB(pid);
    if (kb > peak) peak = kb;
    samples.push([Math.round(performance.now() - started), kb]);
    return kb;
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    take,
    stop() {
      clearInterval(timer);
      take();
      return { peakKB: peak, samples };
    },
  };
}

/** The soft and hard limits on open files of a new shell (what our children inherit). */
export function fileLimits() {
  const ask = (flag) => {
    const out = execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();
    return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
  };
  return { soft: ask('-n'), hard: ask('-Hn') };
}

export function machineInfo() {
  const cpuinfo = read('/proc/cpuinfo') ?? '';
  return {
    cpuModel: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: os.release(),
    date: new Date().toISOString(),
  };
}
