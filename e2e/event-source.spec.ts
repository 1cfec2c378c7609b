import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './lesson-page';

/**
 * The stream lab with Chromium's own EventSource, against the production server: the seed's
 * stream repeating, the three ways to end the loop (and the code the lab shows for each, run as
 * shown), resuming after a cut at random points, and a step stream rejoined after one. Every
 * request is watched at the browser's network layer, so a `Last-Event-ID` here is the header
 * Chromium really sent.
 */

interface StreamRequest {
  url: string;
  /** The `Last-Event-ID` header Chromium sent; undefined when it sent none. */
  lastEventId?: string;
  status?: number;
  headersRead: Promise<void>;
}

/** Every GET of `/api/stream` the page makes from now on, in order, with its Last-Event-ID and status. */
function watchStreamRequests(page: Page): StreamRequest[] {
  const seen: StreamRequest[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' || new URL(request.url()).pathname !== '/api/stream') return;
    const entry: StreamRequest = { url: request.url(), headersRead: Promise.resolve() };
    entry.headersRead = request.allHeaders().then((headers) => {
      entry.lastEventId = headers['last-event-id'];
    });
    seen.push(entry);
    void request.response().then((response) => {
      if (response) entry.status = response.status();
    });
  });
  return seen;
}

async function settled(requests: StreamRequest[]) {
  await Promise.all(requests.map((request) => request.headersRead));
  return requests.map(({ lastEventId, status }) => ({ lastEventId, status }));
}

async function openEventSourceLab(page: Page) {
  await new LessonPage(page).showSection('Stream lab');
  await page.getByRole('tab', { name: 'EventSource' }).click();
  return page.getByRole('region', { name: 'Ending the loop' });
}

test.describe('EventSource in the stream lab', () => {
  test("repeats the seed's stream after Chromium's retry delay, starting again from Message 0", async ({ page }) => {
    const lesson = new LessonPage(page);
    const requests = watchStreamRequests(page);
    await lesson.goto('/?client=eventsource&delay=200');
    await lesson.run.click();
    await expect(lesson.executionTable).toContainText('The new connection opens; the generator starts over', { timeout: 20_000 });
    // Start, 3 yields, the reconnect, the reopen, Message 0 again (and on it goes).
    await expect.poll(() => lesson.executionRows().count()).toBeGreaterThanOrEqual(7);
    const rows = (await lesson.executionCells(2)).slice(0, 7);
    expect(rows.map(([, action]) => action)).toEqual([
      'Start event_stream generator',
      "Yield 'data: Message 0\\n\\n'",
      "Yield 'data: Message 1\\n\\n'",
      "Yield 'data: Message 2\\n\\n'",
      'The response ends; the browser reconnects',
      'The new connection opens; the generator starts over',
      "Yield 'data: Message 0\\n\\n'",
    ]);
    // Chromium waits its own default (3 s) when the server sends no retry: generously, at least one.
    const arrivals = await lesson.executionRows().locator('.cell-arrival').allTextContents();
    const seconds = arrivals.map((text) => Number(/[\d.]+/.exec(text)![0]));
    expect(seconds[5]! - seconds[4]!, 'the wait before reconnecting (s)').toBeGreaterThanOrEqual(1);
    await openEventSourceLab(page);
    await expect(page.getByRole('figure', { name: 'EventSource.readyState over the run' })).toContainText(/OPEN.*CONNECTING.*OPEN/s);
    // No ids, so nothing to resume from: the requests are the same, none carries Last-Event-ID.
    await lesson.stop.click();
    expect(await settled(requests)).toEqual(requests.map(() => ({ lastEventId: undefined, status: 200 })));
    expect(requests.length).toBeGreaterThanOrEqual(2);
    await expect(lesson.executionRows().last()).toContainText('Client disconnects (Stop)');
  });

  const endings = [
    {
      label: 'The page counts and closes',
      last: 'The page calls source.close() after the last message: EventSource stops',
      requests: [{ lastEventId: undefined, status: 200 }],
    },
    {
      label: 'The server sends event: end',
      last: "The page calls source.close() on the 'end' event: EventSource stops",
      requests: [{ lastEventId: undefined, status: 200 }],
    },
    {
      label: 'The server answers 204',
      last: 'The server answers 204 No Content: EventSource stops reconnecting',
      requests: [
        { lastEventId: undefined, status: 200 },
        { lastEventId: '2', status: 204 },
      ],
    },
  ];
  for (const { label, last, requests: expected } of endings) {
    test(`stops the loop: ${label}`, async ({ page }) => {
      const lesson = new LessonPage(page);
      const requests = watchStreamRequests(page);
      await lesson.goto('/?client=eventsource&delay=100&retry=300');
      const lab = await openEventSourceLab(page);
      await lab.getByRole('radio', { name: label }).check();
      await lesson.run.click();
      await expect(lesson.executionRows().last()).toContainText(last, { timeout: 15_000 });
      await expect(lesson.connectionState).toHaveText(/closed/i);
      // Five retry delays later the browser still has not asked again.
      await page.waitForTimeout(1_500);
      expect(await settled(requests)).toEqual(expected);
      await expect(lesson.executionRows().last()).toContainText(last);
      await expect(page.getByRole('figure', { name: 'EventSource.readyState over the run' })).toContainText(/CLOSED/);
    });
  }

  for (const { label, messages, requests: expected } of [
    { label: 'It repeats (the seed)', messages: null, requests: null },
    { label: 'The page counts and closes', messages: 3, requests: [undefined] },
    { label: 'The server sends event: end', messages: 3, requests: [undefined] },
    { label: 'The server answers 204', messages: 3, requests: [undefined, '2'] },
  ]) {
    test(`the browser code shown for "${label}" does what the lab says when run as shown`, async ({ page }) => {
      const lesson = new LessonPage(page);
      await lesson.goto('/?delay=50&retry=200');
      const lab = await openEventSourceLab(page);
      await lab.getByRole('radio', { name: label }).check();
      const code = await page.getByTestId('loop-ending-client').textContent();
      const requests = watchStreamRequests(page);
      await page.evaluate((source) => {
        const shown: string[] = [];
        Object.assign(window, { shown });
        // The lab's code, unchanged; `show` is the page's, and the source is kept so the test can close it.
        const run = new Function('show', `${source}\nreturn source;`) as (show: (data: string) => void) => EventSource;
        Object.assign(window, { labSource: run((data) => shown.push(data)) });
      }, code!);
      await page.waitForTimeout(1_500); // 3 messages take 0.15 s; then seven retry delays
      const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
      const readyState = await page.evaluate(() => (window as unknown as { labSource: EventSource }).labSource.readyState);
      await page.evaluate(() => (window as unknown as { labSource: EventSource }).labSource.close());
      if (messages === null) {
        // Nothing closes it: it went round again (and again).
        expect(shown.slice(0, 6)).toEqual(['Message 0', 'Message 1', 'Message 2', 'Message 0', 'Message 1', 'Message 2']);
        expect(requests.length).toBeGreaterThanOrEqual(2);
        expect(readyState).not.toBe(2);
      } else {
        expect(shown).toEqual(['Message 0', 'Message 1', 'Message 2']);
        expect((await settled(requests)).map((request) => request.lastEventId)).toEqual(expected);
        expect(readyState, 'EventSource.CLOSED').toBe(2);
      }
    });
  }

  test('resumes after a cut at 20 random frames: every message once, the Last-Event-ID Chromium sent is the frame cut after', async ({
    page,
  }) => {
    const n = 8;
    const cuts = Array.from({ length: 20 }, () => Math.floor(Math.random() * n));
    test.info().annotations.push({ type: 'cut after frames', description: cuts.join(', ') });
    await page.goto('/');
    for (const cut of cuts) {
      const requests = watchStreamRequests(page);
      const query = `n=${n}&delay=20&ids=1&end=204&retry=50&dropAfter=${cut}`;
      const received = await page.evaluate(
        (url) =>
          new Promise<string[]>((resolve) => {
            const got: string[] = [];
            const source = new EventSource(url);
            source.onmessage = (event) => got.push(`${event.lastEventId}:${event.data}`);
            // The 204 after the last frame is what makes it give up: CLOSED.
            source.onerror = () => source.readyState === EventSource.CLOSED && resolve(got);
          }),
        `/api/stream?${query}`,
      );
      expect(received, `cut after ${cut}`).toEqual(Array.from({ length: n }, (_, i) => `${i}:Message ${i}`));
      const expected: Array<{ lastEventId?: string; status: number }> = [{ lastEventId: undefined, status: 200 }];
      // Cut after the last frame: the resume is the 204 itself.
      if (cut < n - 1) expected.push({ lastEventId: String(cut), status: 200 });
      expected.push({ lastEventId: String(n - 1), status: 204 });
      await expect.poll(() => requests.length).toBe(expected.length);
      await expect.poll(() => settled(requests), `cut after ${cut}`).toEqual(expected);
      page.removeAllListeners('request');
    }
  });

  test('the resume lab shows the Last-Event-ID Chromium sent after the server cut, and proves each message arrived once', async ({
    page,
  }) => {
    const lesson = new LessonPage(page);
    const requests = watchStreamRequests(page);
    await lesson.goto('/?client=eventsource&n=5&delay=150&ids=1&end=204&retry=300&dropAfter=2');
    await lesson.run.click();
    await expect(lesson.executionRows().last()).toContainText('204 No Content', { timeout: 15_000 });
    await lesson.showSection('Stream lab');
    await page.getByRole('tab', { name: 'Resume' }).click();
    await expect(page.getByText('the next request carries Last-Event-ID: 2')).toBeVisible();
    await expect(page.getByTestId('delivery')).toHaveText(
      // Two responses opened; the third request was answered 204 and opened nothing.
      '2 connections; messages received: 0, 1, 2, 3, 4. Every message 0–4 arrived exactly once.',
    );
    expect(await settled(requests)).toEqual([
      { lastEventId: undefined, status: 200 },
      { lastEventId: '2', status: 200 },
      { lastEventId: '4', status: 204 },
    ]);
  });

  // @serial: it ends by checking that the server holds no stream at all (/api/health), which another worker's streams would change.
  test(
    'rejoins a step-mode stream after a cut: the reconnect names the stream, and the presenter steps on',
    { tag: '@serial' },
    async ({ page }) => {
      const lesson = new LessonPage(page);
      const requests = watchStreamRequests(page);
      await lesson.goto('/?client=eventsource&mode=step&ids=1&dropAfter=0&retry=200');
      await lesson.run.click();
      const step = page.getByRole('button', { name: 'Step', exact: true });
      await expect(step).toBeEnabled();
      await step.click(); // Message 0, then the server cuts
      await expect(lesson.executionTable).toContainText('The new connection opens; the server resumes after id', { timeout: 10_000 });
      await expect(step).toBeEnabled();
      await step.click();
      await expect(lesson.executionTable).toContainText('Message 1');
      await step.click();
      await expect(lesson.executionTable).toContainText('Message 2');
      // The last sleep: the generator ends; the browser reconnects with the last id, and the stream, over, answers 204.
      await step.click();
      await expect(lesson.executionRows().last()).toContainText('The server answers 204 No Content', { timeout: 10_000 });
      const messages = (await lesson.executionCells(3)).map((row) => row[2]).filter((data) => data?.startsWith('Message'));
      expect(messages).toEqual(['Message 0', 'Message 1', 'Message 2']);
      const [first, second, third, ...more] = await settled(requests);
      expect(first).toEqual({ lastEventId: undefined, status: 200 });
      // `<stream id>/0`: the stream's own id, so the server rejoins it rather than opening another.
      const streamId = /^([\w-]+)\/0$/.exec(second?.lastEventId ?? '')?.[1];
      expect(streamId, 'the rejoin names the stream').toBeTruthy();
      expect(second?.status).toBe(200);
      expect(third).toEqual({ lastEventId: `${streamId}/2`, status: 204 });
      expect(more).toEqual([]);
      const activeStreams = async () => (await (await page.request.get('/api/health')).json()).activeStreams as number;
      await expect.poll(activeStreams).toBe(0);
    },
  );
});
