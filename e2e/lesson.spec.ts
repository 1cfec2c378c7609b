import { expect, test } from '@playwright/test';
import { SEED_EXECUTION_TABLE, SEED_VARIABLE_TRACKER } from '../lib/trace/seed-tables.fixture';
import { LessonPage } from './lesson-page';

test.describe('the live lesson', () => {
  // @serial: it measures the gaps between frames (≥ 1.7 s for two sleeps), which a busy second worker could squeeze.
  test(
    "Run with the defaults fills the seed's tables row by row from the live stream, then closes",
    { tag: '@serial' },
    async ({ page }) => {
      const lesson = new LessonPage(page);
      await lesson.goto();
      await expect(lesson.connectionState).toHaveText('Idle');

      // The page records each change in the number of rows, with the time it saw it: what a student
      // watching saw, free of the test runner's own polling (which a busy machine can delay by a second).
      await lesson.executionTable.evaluate((table) => {
        const seen: { rows: number; at: number }[] = [];
        const count = () => table.querySelectorAll('tbody tr[data-step]').length;
        new MutationObserver(() => {
          const rows = count();
          if (seen.at(-1)?.rows !== rows) seen.push({ rows, at: performance.now() });
        }).observe(table, { childList: true, subtree: true });
        (window as unknown as { rowCounts: typeof seen }).rowCounts = seen;
      });
      await lesson.run.click();
      const message2 = lesson.executionRows().filter({ hasText: 'Message 2' });
      await expect(lesson.executionRows().filter({ hasText: 'Message 0' })).toBeVisible();
      await expect(lesson.connectionState).toHaveText('Open');
      await expect(message2).toBeVisible({ timeout: 10_000 });
      await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });

      // Rows arrive one by one: there was a moment when Message 0 was the newest row, then Message 1,
      // then Message 2, and Message 2 came at least 1.7 s (two sleeps) after Message 0.
      const rowCounts = await page.evaluate(() => (window as unknown as { rowCounts: { rows: number; at: number }[] }).rowCounts);
      const states = rowCounts.map(({ rows }) => rows).filter((rows) => rows >= 2);
      expect(states).toEqual([2, 3, 4, 5]);
      const shownAt = (rows: number) => rowCounts.find((state) => state.rows === rows)!.at;
      expect(shownAt(4) - shownAt(2)).toBeGreaterThanOrEqual(1700);

      expect(await lesson.executionCells()).toEqual(SEED_EXECUTION_TABLE);
      expect(await lesson.trackerCells()).toEqual(SEED_VARIABLE_TRACKER);

      // The arrival column is what the browser measured: Message 2 about two seconds after open.
      const arrivedMs = await lesson
        .executionRows()
        .evaluateAll((rows) =>
          rows.map((row) => Math.round(Number(row.querySelector('td:last-child')!.textContent!.replace(/[^\d.]/g, '')) * 1000)),
        );
      expect(arrivedMs[3]! - arrivedMs[1]!).toBeGreaterThanOrEqual(1700);
      expect(arrivedMs[4]! - arrivedMs[3]!).toBeGreaterThanOrEqual(800);

      await expect(page.getByText('Because the generator yields data but does not end until all messages are sent')).toBeVisible();
      await expect(page.getByText('When the generator finishes yielding all messages (step 5)')).toBeVisible();
    },
  );

  test('invalid input shows its message inline and starts no stream', async ({ page }) => {
    const lesson = new LessonPage(page);
    const streamRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/stream')) streamRequests.push(request.url());
    });
    await lesson.goto();

    await lesson.range.fill('0');
    await expect(page.getByText('Range must be between 1 and 10000')).toBeVisible();
    await expect(lesson.range).toHaveAttribute('aria-invalid', 'true');
    await lesson.sleep.fill('abc');
    await lesson.run.click();

    await expect(page.getByText('Sleep must be a number of seconds, like 1 or 0.25')).toBeVisible();
    await expect(lesson.range).toBeFocused();
    await page.waitForTimeout(500);
    expect(streamRequests).toEqual([]);
    await expect(lesson.connectionState).toHaveText('Idle');
    // What was typed is kept, so it can be corrected rather than retyped.
    await expect(lesson.range).toHaveValue('0');
    await expect(lesson.sleep).toHaveValue('abc');
  });

  test('Stop mid-stream closes the connection and no frame arrives after it', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.range.fill('10');
    await lesson.sleep.fill('0.5');
    await lesson.run.click();

    await expect(lesson.executionRows().filter({ hasText: 'Message 1' })).toBeVisible();
    await lesson.stop.click();
    await expect(lesson.connectionState).toHaveText('Closed');
    const lastRow = lesson.executionRows().last();
    await expect(lastRow).toContainText('Client disconnects (Stop)');
    const rowsAtStop = await lesson.executionRows().count();

    await page.waitForTimeout(1500);
    await expect(lesson.executionRows()).toHaveCount(rowsAtStop);
    await expect(lesson.run).toBeEnabled();
  });

  test('a multi-line template travels as several data lines and shows as one message', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.range.fill('1');
    await lesson.sleep.fill('0');
    await lesson.template.fill('line one {i}\nline two');
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed');
    expect((await lesson.executionCells())[1]).toEqual([
      '2',
      "Yield 'data: line one 0\\ndata: line two\\n\\n'",
      'line one 0\nline two',
      '0',
      'Open',
    ]);
  });
});
