// Preloaded into every Node server the bench starts: `node --expose-gc -r ./bench/lib/gc-on-signal.cjs …`.
// Adds nothing to the app; it only lets the bench, from outside, (1) force a full GC with SIGUSR2, and
// (2) have the server exit if the bench that started it disappears (killed with SIGKILL, say).
'use strict';

process.on('SIGUSR2', () => {
  if (typeof globalThis.gc !== 'function') {
    process.stderr.write('[bench-gc] {"error":"start node with --expose-gc"}\n');
    return;
  }
  globalThis.gc();
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  process.stderr.write(`[bench-gc] ${JSON.stringify({ rss, heapTotal, heapUsed, external, arrayBuffers })}\n`);
});

const benchPid = Number(process.env.STEPSTREAM_BENCH_PARENT);
if (benchPid > 0) {
  // process.ppid is read live; once the bench is gone this process has been re-parented.
  setInterval(() => {
    if (process.ppid !== benchPid) process.exit(1);
  }, 1000).unref();
}
