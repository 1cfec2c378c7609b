// What the page itself records from the start of its life, for `npm run bench:client`: long
// tasks, LCP, FCP and the moment of each click (the event's own timestamp, so the time a CDP
// round trip takes is not counted). Injected with page.addInitScript before the page's scripts run.

/** Runs in the page. */
export const OBSERVERS = () => {
  const bench = { longTasks: [], lcp: 0, fcp: 0, clicks: [] };
  window.__bench = bench;
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => bench.longTasks.push({ start: e.startTime, duration: e.duration })),
  ).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (bench.lcp = e.startTime))).observe({
    type: 'largest-contentful-paint',
    buffered: true,
  });
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => e.name === 'first-contentful-paint' && (bench.fcp = e.startTime)),
  ).observe({ type: 'paint', buffered: true });
  addEventListener('click', (event) => bench.clicks.push(event.timeStamp), { capture: true });
};

/**
 * Longest task and total blocking time (the part of each task over 50 ms) of the tasks that
 * started in [from, to].
 * @param {{ start: number, duration: number }[]} tasks
 */
export function blocking(tasks, from = 0, to = Infinity) {
  const inside = tasks.filter((t) => t.start >= from && t.start <= to);
  return {
    longTasks: inside.length,
    longestTaskMs: Math.max(0, ...inside.map((t) => t.duration)),
    totalBlockingMs: inside.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

/** @param {number[]} values */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Proves the long-task observer sees a long task here, so "0 long tasks" means none happened. */
export async function verifyLongTaskObserver(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(OBSERVERS);
  await page.goto(`${base}/`);
  // A task the page itself runs (a loop inside a CDP evaluate is not reported as a long task).
  await page.evaluate(() =>
    setTimeout(() => {
      const until = performance.now() + 150;
      while (performance.now() < until);
    }, 0),
  );
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)));
  await context.close();
  if (seen < 140) throw new Error(`the long-task observer missed a 150 ms task (saw ${seen} ms)`);
  return seen;
}
