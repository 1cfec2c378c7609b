import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './lesson-page';

interface Heard {
  atMs: number;
  text: string;
}

/** Records what the page's status region says, as a screen reader would hear it, with when. */
async function listen(page: Page) {
  // The region is busy until the code that fills it has loaded, just after the page.
  await expect(page.getByTestId('live-announcer')).not.toHaveAttribute('aria-busy');
  await page.evaluate(() => {
    const heard: Heard[] = [];
    (window as unknown as { heard: Heard[] }).heard = heard;
    const region = document.querySelector('[data-testid="live-announcer"]')!;
    new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) heard.push({ atMs: performance.now(), text });
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
}

test.describe('what a screen reader hears', () => {
  // @serial: each message is said on its own only when frames arrive a second apart; late frames are summed up.
  test('the default run: connecting, open, each message, closed', { tag: '@serial' }, async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    const heard = await listen(page);
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });
    await expect.poll(async () => (await heard()).map((entry) => entry.text).join(' ')).toContain('Connection closed');
    const said = (await heard()).map((entry) => entry.text).join(' ');
    for (const words of [
      'Connecting to the stream.',
      'Connection open.',
      "'Message 0'",
      "'Message 1'",
      "'Message 2'",
      'Connection closed: the generator ended after 3 frames.',
    ]) {
      expect(said).toContain(words);
    }
    expect(said.indexOf('Connecting')).toBeLessThan(said.indexOf('Connection open'));
    expect(said.indexOf("'Message 2'")).toBeLessThan(said.indexOf('Connection closed'));
  });

  // @serial: it measures the gaps between announcements (> 900 ms apart).
  test('a fast run is summed up about once a second, never a flood', { tag: '@serial' }, async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.range.fill('100');
    await lesson.sleep.fill('0.03');
    const heard = await listen(page);
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed', { timeout: 20_000 });
    await expect.poll(async () => (await heard()).at(-1)?.text).toContain('Connection closed: the generator ended after 100 frames.');
    const entries = await heard();
    // A hundred frames in about three seconds: a handful of announcements, one a second at most.
    expect(entries.length).toBeLessThan(10);
    for (const [k, entry] of entries.slice(1).entries()) expect(entry.atMs - entries[k]!.atMs).toBeGreaterThan(900);
    expect(entries.some((entry) => /\d+ more frames arrived; the latest is 'Message \d+'/.test(entry.text))).toBe(true);
  });

  test('typing in the form announces nothing; a replay step is read out', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto('/?delay=100');
    const heard = await listen(page);
    await lesson.range.fill('102');
    await lesson.template.fill('Tick {i}');
    await page.waitForTimeout(1500);
    expect(await heard()).toEqual([]);

    await lesson.range.fill('3');
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed');
    await page.getByRole('button', { name: 'Back one step (←)' }).click();
    await expect
      .poll(async () => (await heard()).at(-1)?.text)
      .toBe("Replay, step 4 of 5: yield sent 'Tick 2' (i = 2); then time.sleep(0.1) kept the connection open.");
  });

  test('an error is an alert, said at once', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await page.route('**/api/stream?**', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'text/event-stream; charset=utf-8' },
        body: 'data: Message 0\n\nevent: error\ndata: the stream reached its time limit\n\n',
      }),
    );
    await lesson.range.fill('2');
    await lesson.run.click();
    await expect(page.getByTestId('error-announcer')).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('error-announcer')).toHaveText('Error: the stream reached its time limit');
    await expect(lesson.narration).toContainText('the stream failed');
  });
});

test.describe('focus', () => {
  // @serial: it acts while the 3-second run is Open, which a slowed page can miss.
  test('never falls to the page when the focused button becomes unavailable', { tag: '@serial' }, async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto('/?delay=300');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.tagName);

    await lesson.run.focus();
    await page.keyboard.press('Enter');
    await expect(lesson.connectionState).toHaveText('Open');
    expect(await focused()).toBe('Run');
    await expect(lesson.run).toBeDisabled(); // aria-disabled: unavailable, still focused
    await page.keyboard.press('Enter'); // pressing it again does nothing
    await expect(lesson.executionRows().first()).toBeVisible();

    await lesson.stop.focus();
    await page.keyboard.press('Enter');
    await expect(lesson.connectionState).toHaveText('Closed');
    expect(await focused()).toBe('Stop');

    await page.getByRole('button', { name: 'First step (Home)' }).focus();
    await page.keyboard.press('Enter');
    await expect(lesson.timeline).toHaveAttribute('aria-valuetext', /^Step 1 of/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('First step (Home)');
  });
});
