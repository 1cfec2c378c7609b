import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { showEverySection } from './lesson-page';

/** The host snippet of docs/lesson.md ("Embed"), exactly as a course page would paste it. */
function documentedHostSnippet() {
  const page = readFileSync(path.join(__dirname, '..', 'docs', 'lesson.md'), 'utf8');
  const snippet = [...page.matchAll(/```html\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .find((block) => block.includes('stepstream:height'));
  if (!snippet) throw new Error('docs/lesson.md has no ```html block with the stepstream:height snippet');
  // The code block sits in a list item, indented two spaces.
  return snippet.replace(/^ {2}/gm, '');
}

/**
 * A course page on another origin (a server of its own on another port) that pastes the documented
 * snippet with this server's address. It also records every height message, after the snippet's
 * own listener has run, so the test can tell what the frame was told and when.
 */
async function startCoursePage(baseURL: string) {
  const snippet = documentedHostSnippet().replace('https://your-host', baseURL);
  const course = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(`<!doctype html><title>Course</title><h1>A course page</h1>
      ${snippet}
      <script>
        window.heights = [];
        window.markers = 0;
        window.addEventListener('message', (event) => {
          if (event.data?.type === 'stepstream:height') window.heights.push(event.data.height);
          if (event.data === 'test:marker') window.markers += 1;
        });
      </script>`);
  });
  await new Promise<void>((resolve) => course.listen(0, '127.0.0.1', resolve));
  return { course, url: `http://127.0.0.1:${(course.address() as AddressInfo).port}/` };
}

/**
 * The iframe's inner height on the host; the embedded document's scrollHeight (never less than
 * the frame, so equal to it means nothing scrolls inside); and its content's own height (so equal
 * to it means no empty space below).
 */
async function heights(page: Page, embedded: Frame) {
  const frameHeight = await page.locator('#stepstream').evaluate((frame) => frame.clientHeight);
  const { scrollHeight, contentHeight } = await embedded.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    contentHeight: document.documentElement.getBoundingClientRect().height,
  }));
  return { frameHeight, scrollHeight, contentHeight };
}

/** Waits until the frame fits the embedded document (within 2 px either way) and returns that height. */
async function settledHeight(page: Page, embedded: Frame) {
  await expect
    .poll(async () => {
      const { frameHeight, scrollHeight, contentHeight } = await heights(page, embedded);
      return Math.abs(frameHeight - scrollHeight) <= 2 && Math.abs(frameHeight - contentHeight) <= 2;
    })
    .toBe(true);
  return (await heights(page, embedded)).frameHeight;
}

/**
 * The embed posts at most one animation frame after it sees a resize. Three frames later this
 * posts a marker: messages from one window arrive in order, so once the host has the marker (the
 * `count`-th), any height posted before it has arrived.
 */
async function flushMessages(embedded: Frame, page: Page, count: number) {
  await embedded.evaluate(async () => {
    for (let k = 0; k < 3; k++) await new Promise(requestAnimationFrame);
    window.parent.postMessage('test:marker', '*');
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { markers: number }).markers)).toBe(count);
}

test.describe('/embed tells its host its height', () => {
  test('the documented snippet fits the iframe to the lesson, as it grows and shrinks', async ({ page, baseURL }) => {
    const { course, url } = await startCoursePage(baseURL!);
    try {
      await page.goto(url);
      const frame = page.frameLocator('#stepstream');
      await expect(frame.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
      // The lab, the quiz and the downloads load when the reader scrolls near them; measure the
      // lesson once it is all there.
      await showEverySection(frame);
      const embedded = page.frames().find((candidate) => candidate.url().includes('/embed'))!;
      const before = await settledHeight(page, embedded);
      expect(before).not.toBe(900); // the snippet replaced the fallback

      // More rows in the Execution Table (the prediction for n = 12: fourteen rows) make the lesson taller.
      const rows = frame.getByRole('table', { name: 'Execution Table' }).locator('tbody tr[data-step]');
      await expect(rows).toHaveCount(7);
      await frame.getByLabel('Range n').fill('12');
      await expect(rows).toHaveCount(14);
      await expect.poll(async () => (await heights(page, embedded)).frameHeight).toBeGreaterThan(before);
      await settledHeight(page, embedded);

      await frame.getByLabel('Range n').fill('1');
      await expect(rows).toHaveCount(3);
      await expect.poll(async () => (await heights(page, embedded)).frameHeight).toBeLessThan(before);
      await settledHeight(page, embedded);
    } finally {
      course.close();
    }
  });

  test('the host making the frame taller does not make it report a new height', async ({ page, baseURL }) => {
    const { course, url } = await startCoursePage(baseURL!);
    try {
      await page.goto(url);
      await expect(page.frameLocator('#stepstream').getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
      await showEverySection(page.frameLocator('#stepstream'));
      const embedded = page.frames().find((candidate) => candidate.url().includes('/embed'))!;
      // Everything the lesson loads after hydration is in and drawn before the count is taken: on
      // a loaded machine a chunk arriving late grew the lesson, and its height counted as "new".
      await page.waitForLoadState('networkidle');
      const fitted = await settledHeight(page, embedded);
      await flushMessages(embedded, page, 1);
      const reported = await page.evaluate(() => (window as unknown as { heights: number[] }).heights.length);

      await page.locator('#stepstream').evaluate((frame, height) => ((frame as HTMLIFrameElement).height = String(height)), fitted + 300);
      await expect.poll(async () => (await heights(page, embedded)).frameHeight).toBe(fitted + 300);
      await flushMessages(embedded, page, 2);
      expect(await page.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBe(reported);
      expect((await heights(page, embedded)).frameHeight).toBe(fitted + 300);
    } finally {
      course.close();
    }
  });
});
