import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './lesson-page';

/** Presses Tab until the focused element matches, as a keyboard user moves through the page. */
async function tabTo(page: Page, describe: string, matches: (element: Element) => boolean) {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(
      (source) => new Function('element', `return (${source})(element)`)(document.activeElement) as boolean,
      matches.toString(),
    );
    if (found) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

test('the whole lesson by keyboard alone, with what a screen reader hears captured: a run, then the quiz', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.goto('/?delay=300');
  await expect(page.getByTestId('live-announcer')).not.toHaveAttribute('aria-busy');
  await page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    const region = document.querySelector('[data-testid="live-announcer"]')!;
    new MutationObserver(() => heard.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });

  await tabTo(page, 'Run', (element) => element.textContent?.trim() === 'Run');
  await page.keyboard.press('Enter');
  await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard.join(' '))).toContain('Connection closed');
  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard.join(' '));
  // Frames 300 ms apart, announcements at most a second apart: some are summed up, the last is named.
  for (const words of ['Connecting to the stream.', 'Connection open.', "'Message 2'", 'the generator ended after 3 frames'])
    expect(heard).toContain(words);

  // The seed's three questions, answered with Tab, the arrow keys (or Space) and Enter.
  const answers = [
    { letter: 'B', moves: ['ArrowDown'] },
    { letter: 'C', moves: ['ArrowDown', 'ArrowDown'] },
    { letter: 'A', moves: [' '] },
  ];
  for (const [index, { letter, moves }] of answers.entries()) {
    await tabTo(
      page,
      `question ${index + 1}`,
      (element) =>
        element instanceof HTMLInputElement && element.type === 'radio' && !element.closest('li')?.querySelector('input:checked'),
    );
    for (const key of moves) await page.keyboard.press(key);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(letter);
    await tabTo(page, 'Check', (element) => element.textContent?.trim() === 'Check');
    await page.keyboard.press('Enter');
    await expect(page.locator('li.question').nth(index).getByRole('status')).toContainText('Correct.');
  }
  await expect(page.locator('.quiz-score')).toHaveText('Score: 3 / 3');
  // Focus never fell to the page on the way.
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});
