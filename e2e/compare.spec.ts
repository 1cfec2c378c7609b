import { expect, test } from '@playwright/test';
import { ComparePage, LANE_NAMES, laneOfRequest, type LaneName } from './compare-page';

test.describe('/compare', () => {
  // @serial: the polling lanes' counts depend on their timers firing on schedule.
  test(
    'delivers the default schedule in every lane, each counting exactly the requests it made, SSE in one',
    { tag: '@serial' },
    async ({ page }) => {
      const observed = new Map<LaneName, number>(LANE_NAMES.map((name) => [name, 0]));
      page.on('request', (request) => {
        const lane = laneOfRequest(request.url());
        if (lane) observed.set(lane, observed.get(lane)! + 1);
      });
      // A CSP violation (an inline script, a style element) or a failed request shows here as a console error.
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      const compare = new ComparePage(page);
      await compare.goto();
      await compare.start.click();

      const reading = compare.reading.getByText(/^To deliver the same 3 messages, 1 s apart, /);
      await expect(reading).toBeVisible({ timeout: 15_000 });

      for (const name of LANE_NAMES) {
        await expect(compare.shownMessages(name), name).toHaveText([
          /^Message 0, shown after -?\d+ ms$/,
          /^Message 1, shown after -?\d+ ms$/,
          /^Message 2, shown after -?\d+ ms$/,
        ]);
        await expect(compare.figure(name, 'Requests'), name).toHaveText(String(observed.get(name)));
        await expect(compare.figure(name, 'Bytes on the wire'), name).toHaveText(/^[1-9][\d,]* B/);
        await expect(compare.figure(name, 'Latency, worst'), name).toHaveText(/^-?\d[\d,]* ms$/);
      }
      expect(observed.get('Server-Sent Events')).toBe(1);
      await expect(compare.figure('Server-Sent Events', 'Requests')).toHaveText('1');
      // Each short-polling lane kept asking until it had the last message (ready 2.625 s after Start).
      expect(observed.get('Short polling every 1 s')).toBeGreaterThanOrEqual(3);
      expect(observed.get('Short polling every 250 ms')).toBeGreaterThan(observed.get('Short polling every 1 s')!);
      await expect(reading).toContainText('SSE needed 1 request');
      // One polite region speaks for the page: each lane once, when it is done, never each counter.
      await expect(page.getByRole('status')).toContainText('All four lanes are done');
      await expect(page.getByRole('status')).toHaveCount(1);

      // Nothing more is asked once every lane is done.
      const settled = new Map(observed);
      await page.waitForTimeout(1500);
      expect(observed).toEqual(settled);
      expect(consoleErrors).toEqual([]);
    },
  );

  test('refuses a bad schedule in the form, naming the field, and sends no request', async ({ page }) => {
    let laneRequests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/compare/')) laneRequests++;
    });
    const compare = new ComparePage(page);
    await compare.goto();
    await compare.messages.fill('101');
    await compare.sleep.fill('11');
    await compare.start.click();
    await expect(compare.messages).toHaveAccessibleDescription(/n must be between 1 and 100/);
    await expect(compare.sleep).toHaveAccessibleDescription(/Sleep must be between 0 and 10 seconds/);
    await expect(compare.messages).toBeFocused();
    await expect(compare.messages).toHaveAttribute('aria-invalid', 'true');
    expect(laneRequests).toBe(0);
  });

  // @serial: it stops the lanes at a moment of their schedule, which timers firing late would move.
  test('Stop ends every lane at once; Reset clears the figures', { tag: '@serial' }, async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    await compare.sleep.fill('2');
    await compare.start.click();
    await expect(compare.shownMessages('Server-Sent Events')).toHaveCount(1, { timeout: 10_000 });
    await compare.stop.click();
    await expect(compare.start).toBeEnabled();
    const stopped = await compare.figure('Short polling every 250 ms', 'Requests').textContent();
    await page.waitForTimeout(1000);
    await expect(compare.figure('Short polling every 250 ms', 'Requests')).toHaveText(stopped!);
    await expect(compare.reading).toContainText('stopped before every lane had shown every message');

    await compare.reset.click();
    for (const name of LANE_NAMES) await expect(compare.figure(name, 'Requests')).toHaveText('0');
    await expect(compare.shownMessages('Server-Sent Events')).toHaveCount(0);
  });

  test('the lanes refuse what the page would never send with 400 {error, field}', async ({ request }) => {
    const now = ((await (await request.get('/api/compare/time')).json()) as { now: number }).now;
    for (const [path, field] of [
      [`/api/compare/poll?start=${now}&n=0`, 'n'],
      [`/api/compare/long-poll?start=${now}&delay=-1`, 'delay'],
      [`/api/compare/sse?start=${now + 3_600_000}`, 'start'],
      [`/api/compare/poll?start=${now}&after=3`, 'after'],
      ['/api/compare/sse', 'start'],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect((await response.json()) as unknown, path).toMatchObject({ field });
    }
  });

  test('links back to the lesson', async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    await page.getByRole('link', { name: 'Back to the lesson' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
