import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './lesson-page';

/** Where focus is: inside the open dialog (and on what), on no element (the browser's own UI), or elsewhere on the page. */
function focusPlace(page: Page) {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const dialog = document.querySelector('dialog[open]');
    if (!focused || focused === document.body) return 'browser';
    if (dialog?.contains(focused))
      return `dialog: ${focused.getAttribute('role') ?? focused.tagName.toLowerCase()} ${focused.textContent?.trim()}`;
    return `page: ${focused.tagName.toLowerCase()} ${focused.textContent?.trim()}`;
  });
}

/** Clicks an empty corner of the page, so that keys go to the page, not to a focused button. */
async function focusNothing(page: Page) {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
}

/** Runs a quick stream to its end (n = 3, sleep 0.1 s): five rows to move through. */
async function finishQuickRun(lesson: LessonPage) {
  await lesson.sleep.fill('0.1');
  await lesson.run.click();
  await expect(lesson.connectionState).toHaveText('Closed');
  await expect(lesson.executionRows()).toHaveCount(5);
}

async function setSingleKeyShortcuts(page: Page, on: boolean) {
  await page.getByRole('button', { name: /^Keyboard shortcuts/ }).click();
  const toggle = page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('switch', { name: 'Single-key shortcuts' });
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', String(on));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
}

test.describe('keyboard', () => {
  test('the shortcuts dialog holds focus, and Escape or the backdrop closes it, focus back on its opener', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    const opener = page.getByRole('button', { name: 'Keyboard shortcuts (?)' });
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

    await opener.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    // Tab and Shift+Tab go round the dialog's controls; between rounds the browser may pass focus
    // to its own toolbar (no element on the page has it then), never to the page behind.
    const places = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      places.push(await focusPlace(page));
    }
    expect(places.filter((place) => !place.startsWith('dialog') && place !== 'browser')).toEqual([]);
    expect(new Set(places.filter((place) => place.startsWith('dialog')))).toEqual(new Set(['dialog: switch On', 'dialog: button Close']));
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await lesson.run.focus();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await page.mouse.click(5, 5); // the backdrop
    await expect(dialog).toBeHidden();
    await expect(lesson.run).toBeFocused();
  });

  test('single-key shortcuts act while on: Space steps, R resets a finished run, P presents, ? opens the list', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await finishQuickRun(lesson);
    await page.getByRole('button', { name: 'First step (Home)' }).click();
    await focusNothing(page);
    await page.keyboard.press(' ');
    await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
    await page.keyboard.press('r');
    await expect(lesson.connectionState).toHaveText('Idle');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });

  test('switched off, Space, R, P and ? do nothing, across a reload, while the arrows, Home and End still work', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await setSingleKeyShortcuts(page, false);
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts', exact: true })).toBeVisible();
    await finishQuickRun(lesson);
    await focusNothing(page);

    // Keys are handled in order, so once the arrow's step shows, the key before it has been handled.
    await page.keyboard.press('r');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText('Step 4 of 5', { exact: true })).toBeVisible();
    await expect(lesson.executionTable).not.toContainText('predicted from the code'); // still the recorded run

    await page.keyboard.press('p');
    await page.keyboard.press('?');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText('Step 3 of 5', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
    await expect(page.getByRole('dialog')).toBeHidden();

    await page.keyboard.press(' '); // would be step 4; the arrow then makes it 2 rather than 3
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();
    await page.keyboard.press('End');
    await expect(page.getByText('Step 5 of 5', { exact: true })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(page.getByText('Step 1 of 5', { exact: true })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText('Step 2 of 5', { exact: true })).toBeVisible();

    await page.reload();
    await expect(lesson.run).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts', exact: true })).toBeVisible();
    await finishQuickRun(lesson);
    await focusNothing(page);
    await page.keyboard.press('r');
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByText('Step 4 of 5', { exact: true })).toBeVisible();
    await expect(lesson.executionTable).not.toContainText('predicted from the code');
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();

    await setSingleKeyShortcuts(page, true);
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts (?)' })).toBeVisible();
    await focusNothing(page);
    await page.keyboard.press('r');
    await expect(lesson.connectionState).toHaveText('Idle');
  });

  for (const path of ['/', '/embed']) {
    test(`on ${path} the skip link is the first Tab stop, shows when focused, and moves focus into the lesson`, async ({ page }) => {
      const lesson = new LessonPage(page);
      await lesson.goto(path);
      const skip = page.getByRole('link', { name: 'Skip to the lesson' });
      expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
      await page.keyboard.press('Tab');
      await expect(skip).toBeFocused();
      await expect.poll(async () => (await skip.boundingBox())!.width).toBeGreaterThan(50);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('main')).toBeFocused();
      await page.keyboard.press('Tab'); // the next stop is inside the lesson, past the header's buttons
      await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
    });
  }
});
