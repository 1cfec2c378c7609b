import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ComparePage } from './compare-page';
import { LessonPage } from './lesson-page';

/** WCAG 2.2 AA and axe's best practices: what the issue asks every page and state to pass. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The rules whose outcome depends on colours. Nothing in the page's script reads the colour scheme
 * (only `prefers-reduced-motion` is read), so in the dark scheme the DOM, the roles and the names
 * are the ones just checked in the light one: only these can pass in one scheme and fail in the other.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe on the page as it is now and fails with each violation's rule, help and elements. */
async function expectNoViolationsIn(page: Page, state: string, axe: AxeBuilder) {
  const { violations } = await axe.analyze();
  const report = violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ')}`),
  }));
  expect(report, `axe violations on ${state}`).toEqual([]);
}

/** Sets the OS colour scheme and waits for the colour transitions it starts to end. */
async function switchScheme(page: Page, colorScheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
}

/**
 * Every state is checked in both schemes, on the same page: every rule in the light scheme, then the
 * colour rules in the dark one (one page and one run for both, instead of a second test doing it all
 * again to check what cannot differ).
 */
async function expectNoViolations(page: Page, state: string) {
  await expectNoViolationsIn(page, `${state} (light)`, new AxeBuilder({ page }).withTags(TAGS));
  await switchScheme(page, 'dark');
  await expectNoViolationsIn(page, `${state} (dark)`, new AxeBuilder({ page }).withRules(COLOUR_RULES));
  await switchScheme(page, 'light');
}

/** A stream that sends one frame and then fails, as a server that hit its lifetime cap does. */
async function failTheStream(page: Page) {
  await page.route('**/api/stream?**', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
      body: 'data: Message 0\n\nevent: error\ndata: the stream reached its time limit\n\n',
    }),
  );
}

test.describe('accessibility in the light and dark schemes', () => {
  test.use({ colorScheme: 'light' });

  test('the lesson idle, mid-stream, closed and in error', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.showEverySection();
    await expectNoViolations(page, '/ idle');

    await lesson.run.click();
    await expect(lesson.executionRows().filter({ hasText: 'Message 0' })).toBeVisible();
    await expectNoViolations(page, '/ mid-stream');

    await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });
    await expectNoViolations(page, '/ closed');

    await failTheStream(page);
    await lesson.range.fill('2');
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Error');
    await expectNoViolations(page, '/ error');
  });

  test('step mode waiting for the presenter', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await page.getByRole('switch', { name: 'Step mode' }).click();
    await lesson.run.click();
    await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled();
    await expectNoViolations(page, 'step mode waiting');
  });

  test('the quiz with a wrong answer checked and a hint shown', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.showSection('Visual Quiz');
    const first = page.getByRole('radiogroup').first();
    await first.getByRole('radio').first().check();
    const card = page.locator('.question').first();
    await card.getByRole('button', { name: 'Check' }).click();
    await expect(card.getByText(/^Not quite/)).toBeVisible();
    await card.getByRole('button', { name: 'Hint' }).click();
    await expect(page.locator('[data-highlighted]').first()).toBeVisible();
    await expectNoViolations(page, 'quiz, wrong answer and hint');
  });

  test('predict mode: a prediction being made, and a row marked', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto('/?delay=200');
    await page.getByRole('switch', { name: 'Predict' }).click();
    await lesson.run.click();
    await page.getByRole('group', { name: 'Your prediction for step 2' }).getByLabel('Data Sent').selectOption('Message 1');
    await expectNoViolations(page, 'predict mode, predicting');
    await page.getByRole('button', { name: 'Reveal step 2' }).click();
    await expect(page.locator('.prediction-result')).toBeVisible();
    await expectNoViolations(page, 'predict mode, a row marked');
  });

  test('the keyboard shortcuts dialog open', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoViolations(page, 'shortcuts dialog');
  });

  test('presenter mode idle and closed', async ({ page }) => {
    const lesson = new LessonPage(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await lesson.goto('/?present=1&delay=100');
    await expectNoViolations(page, 'presenter idle');
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });
    await expectNoViolations(page, 'presenter closed');
  });

  test('/compare idle and finished', async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    await expectNoViolations(page, '/compare idle');
    await compare.sleep.fill('0.25');
    await compare.start.click();
    await expect(compare.reading.getByText(/^To deliver the same 3 messages/)).toBeVisible({ timeout: 15_000 });
    await expectNoViolations(page, '/compare finished');
  });

  test('the embed and the 404 page', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto('/embed');
    await lesson.showEverySection();
    await expectNoViolations(page, '/embed');
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page, '404');
  });
});
