import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './lesson-page';

/*
 * What people see, pinned: the stage at the screens the lesson is used on, light and dark. A
 * change to these pictures is reviewed like code (`npx playwright test e2e/visual.spec.ts
 * --update-snapshots`, then look at the new PNGs before committing them).
 * Runs are in step mode, so every frame is where the test put it; arrival times are masked.
 */

const SCREENS = [
  { name: 'phone', width: 360, height: 740, path: '/?mode=step' },
  { name: 'laptop', width: 1366, height: 768, path: '/?mode=step' },
  { name: 'presenter', width: 1280, height: 720, path: '/?mode=step&present=1' },
];

/** Runs in step mode and lets `frames` frames through; the generator then waits for the next Step. */
async function stepThrough(page: Page, lesson: LessonPage, frames: number) {
  await lesson.run.click();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled();
  for (let k = 1; k <= frames; k++) {
    await step.click();
    await expect(lesson.executionRows()).toHaveCount(k + 1);
  }
  // The yield line glows, then the sleep line takes over: wait for it to settle.
  await expect(page.locator('.code-line[aria-current="step"]')).toHaveAttribute('data-line', frames > 0 ? '11' : '9');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`how the stage looks, ${colorScheme}`, () => {
    // Reduced motion: Run brings the stage into view at once rather than smoothly, so where the
    // page ends up never depends on how far a smooth scroll had got.
    test.use({ colorScheme, reducedMotion: 'reduce' });

    for (const screen of SCREENS) {
      test(`${screen.name}: before a run, and waiting after Message 1`, async ({ page }) => {
        await page.setViewportSize({ width: screen.width, height: screen.height });
        const lesson = new LessonPage(page);
        await lesson.goto(screen.path);
        const options = { mask: [page.locator('.cell-arrival')], maxDiffPixelRatio: 0.01 };
        await expect(page).toHaveScreenshot(`${screen.name}-${colorScheme}-idle.png`, options);
        await stepThrough(page, lesson, 2);
        await expect(page).toHaveScreenshot(`${screen.name}-${colorScheme}-waiting.png`, options);
      });
    }

    test('presenter: the run closed', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      const lesson = new LessonPage(page);
      await lesson.goto('/?mode=step&present=1');
      await stepThrough(page, lesson, 3);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect(lesson.connectionState).toHaveText('Closed');
      await expect(page).toHaveScreenshot(`presenter-${colorScheme}-closed.png`, { maxDiffPixelRatio: 0.01 });
    });
  });
}
