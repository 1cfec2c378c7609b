import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPage } from './lesson-page';

/** Whether every part of `locator`'s box is inside the viewport (nothing to scroll to see it). */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= -1 && box.x >= -1 && box.y + box.height <= viewport.height + 1 && box.x + box.width <= viewport.width + 1;
}

/** The moment the lesson is about: the current row, the executing line, the connection, the controls. */
async function expectStageOnScreen(page: Page, lesson: LessonPage, moment: string) {
  const parts = {
    'the current Execution Table row': page.locator('tr[aria-current="step"]'),
    'the executing code line': page.locator('.code-line[aria-current="step"]'),
    'the connection state': lesson.connectionState,
    Run: lesson.run,
    Step: page.getByRole('button', { name: 'Step', exact: true }),
    Stop: lesson.stop,
    Reset: lesson.reset,
  };
  for (const [name, locator] of Object.entries(parts)) {
    expect(await onScreen(page, locator), `${name} is on screen ${moment}`).toBe(true);
  }
}

const SCREENS = [
  { name: 'a 1366×768 laptop', width: 1366, height: 768 },
  { name: 'a 1920×1080 screen', width: 1920, height: 1080 },
  { name: 'a 360×740 phone', width: 360, height: 740 },
];

test.describe('the stage', () => {
  for (const screen of SCREENS) {
    test(`on ${screen.name}, the default run is watched from Run to Closed without scrolling`, async ({ page }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      const lesson = new LessonPage(page);
      await lesson.goto();
      await expect(lesson.run).toBeInViewport(); // Run is on the first screen
      await lesson.run.click();

      await expect(lesson.executionRows().filter({ hasText: 'Message 1' })).toBeVisible();
      await expectStageOnScreen(page, lesson, 'while the stream plays');
      // Read together, so the narration is checked against the row on show at that instant.
      const { row, narration } = await page.evaluate(() => ({
        row: document.querySelector('tr[aria-current="step"]')?.getAttribute('data-step'),
        narration: document.querySelector('[data-testid="narration"]')?.textContent,
      }));
      expect(narration).toMatch(new RegExp(`^Step ${row}: `));

      await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });
      await expectStageOnScreen(page, lesson, 'when the connection has closed');
      await expect(lesson.narration).toContainText('Step 5: the generator ends');
      // Nothing rides a closed wire: the last message's pill is gone with the connection.
      await expect(page.locator('.packet')).toHaveCount(0);
    });
  }

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    test(`presenter mode at ${size.width}×${size.height} fits a five-message run on one screen, with its buttons`, async ({ page }) => {
      await page.setViewportSize(size);
      const lesson = new LessonPage(page);
      await lesson.goto('/?present=1&n=5&delay=100');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await lesson.run.click();
      await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });
      await expectStageOnScreen(page, lesson, 'in presenter mode');
      await expect(lesson.executionRows()).toHaveCount(7);
      for (const row of await lesson.executionRows().all()) expect(await onScreen(page, row)).toBe(true);
      expect(await onScreen(page, lesson.variableTracker)).toBe(true);
      const scrollable = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(scrollable, 'the page does not scroll in presenter mode').toBeLessThanOrEqual(0);
      // The type follows the screen: larger on the larger one.
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(size.width >= 1920 ? 22 : 15);
    });
  }

  for (const n of [200, 10_000]) {
    test(`a run of ${n} frames at delay 0 ends with its last rows in view, and the stage never grows`, async ({ page }) => {
      const lesson = new LessonPage(page);
      await lesson.goto();
      const stageHeight = () => page.evaluate(() => document.querySelector('.stage')!.getBoundingClientRect().height);
      // Record the stage's height at every frame the browser draws while the run plays.
      await page.evaluate(() => {
        const heights: number[] = [];
        (window as unknown as { heights: number[] }).heights = heights;
        const sample = () => {
          heights.push(document.querySelector('.stage')!.getBoundingClientRect().height);
          requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      await lesson.range.fill(String(n));
      await lesson.sleep.fill('0');
      const before = await stageHeight();
      await lesson.run.click();
      await expect(lesson.connectionState).toHaveText('Closed', { timeout: 30_000 });

      const lastRow = lesson.executionRows().filter({ hasText: 'Generator ends' });
      await expect(lastRow).toBeVisible();
      await expect(lastRow).toBeInViewport();
      await expect(lesson.executionRows().filter({ hasText: `Message ${n - 1}` })).toBeInViewport();
      await expect(page.getByText(`Generator finishes after sending ${n} messages`)).toBeInViewport();
      const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
      expect(Math.max(...heights) - before, 'the stage grew while the run played').toBeLessThan(60);

      // Replay keeps the row on show in view too, back at the start and at the end again.
      await page.getByRole('button', { name: 'First step (Home)' }).click();
      await expect(lesson.executionRows().filter({ hasText: 'Start event_stream generator' })).toBeInViewport();
      await page.getByRole('button', { name: 'Last step (End)' }).click();
      await expect(lastRow).toBeInViewport();
    });
  }

  test('a run of 150 frames 20 ms apart keeps the stage the same height (no grow, then collapse) and the page still', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.range.fill('150');
    await lesson.sleep.fill('0.02');
    const stageHeight = () => page.evaluate(() => document.querySelector('.stage')!.getBoundingClientRect().height);
    const before = await stageHeight();
    await lesson.run.click();
    await expect(lesson.executionRows().nth(1)).toBeVisible();
    // Run may bring the stage into view once; after that, nothing moves the page.
    await page.waitForTimeout(1000);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    const heights: number[] = [];
    while ((await lesson.connectionState.textContent()) !== 'Closed') {
      heights.push(await stageHeight());
      await page.waitForTimeout(100);
    }
    expect(Math.max(...heights) - before, 'the stage grew while the run played').toBeLessThan(60);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    await expect(lesson.executionRows().filter({ hasText: 'Generator ends' })).toBeInViewport();
  });
});
