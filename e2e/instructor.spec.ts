import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { LessonPage, lessonPosition } from './lesson-page';

test.describe('instructor tools', () => {
  test('in step mode no frame arrives until Step, and each Step brings exactly one', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await page.getByRole('switch', { name: 'Step mode' }).click();
    await lesson.run.click();
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await expect(step).toBeEnabled();
    await expect(lesson.executionRows()).toHaveCount(1);
    await page.waitForTimeout(2500); // far longer than the 1 s sleep: the server is holding the frame
    await expect(lesson.executionRows()).toHaveCount(1);
    await expect(lesson.narration).toContainText('the server waits for your Step before the first yield');

    for (const [k, message] of ['Message 0', 'Message 1', 'Message 2'].entries()) {
      await step.click();
      await expect(lesson.executionRows()).toHaveCount(k + 2);
      await expect(lesson.executionRows().last()).toContainText(message);
      await page.waitForTimeout(1200);
      await expect(lesson.executionRows()).toHaveCount(k + 2);
    }
    await expect(lesson.executionRows().nth(1).locator('td').nth(2)).toHaveText('waiting for presenter');
    await step.click();
    await expect(lesson.connectionState).toHaveText('Closed');
    await expect(lesson.executionRows().last()).toContainText('Generator ends');
  });

  test('replay moves back and forth through the recording without a new request', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.sleep.fill('0.2');
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    expect(await lessonPosition(page)).toEqual({ row: 5, line: 9 }); // Generator ends; the for loop is done
    const back = page.getByRole('button', { name: 'Back one step (←)' });
    await back.click();
    await expect(lesson.timeline).toHaveAttribute('aria-valuetext', 'Step 4 of 5');
    await expect.poll(() => lessonPosition(page)).toEqual({ row: 4, line: 11 }); // after Message 2: sleeping
    await expect(lesson.connectionState).toHaveText('Open');
    await back.click();
    await back.click();
    await back.click();
    await expect(lesson.timeline).toHaveAttribute('aria-valuetext', 'Step 1 of 5');
    await expect.poll(() => lessonPosition(page)).toEqual({ row: 1, line: 9 }); // the generator starts
    await expect(lesson.executionRows()).toHaveCount(1);
    await page.getByRole('button', { name: 'Forward one step' }).click();
    await expect.poll(() => lessonPosition(page)).toEqual({ row: 2, line: 11 });
    await page.getByRole('button', { name: 'Last step (End)' }).click();
    await expect(lesson.executionRows()).toHaveCount(5);
    await expect(lesson.connectionState).toHaveText('Closed');
    expect(requests.filter((url) => url.includes('/api/stream'))).toEqual([]);
  });

  test('a shared link opens the same parameters at the same step, ready to run live', async ({ page, context }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.range.fill('5');
    await lesson.sleep.fill('0.1');
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed');
    await page.getByRole('slider', { name: 'Step' }).fill('3');
    await expect(page).toHaveURL(/\?n=5&delay=100&step=3$/);
    const link = page.url();

    const other = await context.newPage();
    const shared = new LessonPage(other);
    await shared.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await expect(shared.range).toHaveValue('5');
    await expect(shared.sleep).toHaveValue('0.1');
    // Nothing ran on this page: the link opens the prediction at step 3, and says so.
    await expect(shared.timeline).toHaveAttribute('aria-valuetext', 'Predicted step 3 of 7');
    await expect(shared.narration).toContainText('Not run yet — predicted step 3 of 7');
    await expect(shared.connectionState).toHaveText('Idle');
    expect(await shared.executionCells(3)).toEqual([
      ['1', 'Start event_stream generator', 'None'],
      ['2', "Yield 'data: Message 0\\n\\n'", 'Message 0'],
      ['3', "Yield 'data: Message 1\\n\\n'", 'Message 1'],
    ]);
    await shared.run.click();
    await expect(shared.connectionState).toHaveText('Closed');
    await expect(shared.executionRows()).toHaveCount(7);
  });

  test('an invalid link falls back to defaults with a notice, never an error page', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto('/?n=abc&delay=50&step=-2');
    await expect(page.getByText('The link’s n is not valid (n must be a whole number), so it is 3.')).toBeVisible();
    await expect(page.getByText('The link’s step -2 is before the first step, so it shows step 1.')).toBeVisible();
    await expect(page).toHaveURL(/\?delay=50&step=1$/); // the address bar says what is on show
    await expect(lesson.range).toHaveValue('3');
    await expect(lesson.sleep).toHaveValue('0.05');
  });

  test('a whole demo by keyboard alone: step mode, present, step, back, help', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await page.getByRole('switch', { name: 'Step mode' }).focus();
    await page.keyboard.press('Enter'); // the switch, by keyboard
    await page.locator('body').focus();
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Visual Quiz' })).toBeHidden();
    await expect(page).toHaveURL(/present=1/);

    await page.keyboard.press('ArrowRight'); // Run
    await expect(lesson.executionRows()).toHaveCount(1);
    for (const rows of [2, 3, 4]) {
      await page.keyboard.press('ArrowRight'); // the server yields one frame
      await expect(lesson.executionRows()).toHaveCount(rows);
    }
    await page.keyboard.press('ArrowLeft');
    await expect(lesson.timeline).toHaveAttribute('aria-valuetext', 'Step 3 of 4');
    await expect.poll(() => lessonPosition(page)).toMatchObject({ row: 3 });
    await page.keyboard.press('End');
    await expect(lesson.timeline).toHaveAttribute('aria-valuetext', 'Step 4 of 4');
    await page.keyboard.press(' '); // the last sleep ends: the generator ends
    await expect(lesson.connectionState).toHaveText('Closed');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Presenter mode on or off');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.keyboard.press('Home');
    await expect(lesson.timeline).toHaveAttribute('aria-valuetext', 'Step 1 of 5');
    await page.keyboard.press('r');
    await expect(lesson.connectionState).toHaveText('Idle');
    await page.keyboard.press('p');
    await expect(page.getByRole('heading', { name: 'Visual Quiz' })).toBeVisible();
  });

  test("the instructor's demo: step mode, present, three frames by arrow key, back to row 3, copy the link, reopen it", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const lesson = new LessonPage(page);
    await lesson.goto();
    await page.getByRole('switch', { name: 'Step mode' }).click();
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowRight'); // Run: the generator starts and waits
    await expect(lesson.executionRows()).toHaveCount(1);
    for (const rows of [2, 3, 4]) {
      await page.keyboard.press('ArrowRight');
      await expect(lesson.executionRows()).toHaveCount(rows);
      await page.waitForTimeout(1200); // the server waits, sleep or no sleep
      await expect(lesson.executionRows()).toHaveCount(rows);
    }
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => lessonPosition(page)).toMatchObject({ row: 3 });

    const presenterButton = page.getByRole('button', { name: 'Exit presenter mode' });
    const before = await presenterButton.boundingBox();
    await page.getByRole('button', { name: 'Copy link to this step' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    expect(await presenterButton.boundingBox(), '"Link copied" moves nothing').toEqual(before);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\?mode=step&step=3&present=1$/);

    const other = await context.newPage();
    const shared = new LessonPage(other);
    await other.goto(link);
    await expect(other.getByRole('button', { name: 'Exit presenter mode' })).toBeVisible();
    await expect(shared.timeline).toHaveAttribute('aria-valuetext', 'Predicted step 3 of 5');
    await expect.poll(() => lessonPosition(other)).toMatchObject({ row: 3 });
    await other.keyboard.press('p');
    await expect(other.getByRole('switch', { name: 'Step mode' })).toHaveAttribute('aria-checked', 'true');
  });

  test('shortcuts never fire while typing in a field', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto();
    await lesson.template.fill('');
    await lesson.template.type('Press p, r, space ? {i}');
    await expect(lesson.template).toHaveValue('Press p, r, space ? {i}');
    await expect(page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
    await expect(lesson.connectionState).toHaveText('Idle');
  });

  test('/embed can be framed by another site, and / refuses to be', async ({ page, baseURL }) => {
    // The course page is a real server of its own on another port: another origin, still on
    // loopback (Chromium keeps public pages from framing loopback ones, whatever the headers say).
    const course = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<!doctype html><title>Course</title>
        <iframe id="embed" title="embedded lesson" src="${baseURL}/embed?n=2&delay=100" width="1000" height="600"></iframe>
        <iframe id="home" title="home page" src="${baseURL}/" width="1000" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => course.listen(0, '127.0.0.1', resolve));
    const { port } = course.address() as AddressInfo;
    try {
      const refusals: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors|Refused to (display|frame)/i.test(message.text())) refusals.push(message.text());
      });
      await page.goto(`http://127.0.0.1:${port}/`);
      const embedded = page.frameLocator('#embed');
      await expect(embedded.getByRole('heading', { name: 'Server-Sent Events, step by step' })).toBeVisible();
      await expect(embedded.getByLabel('Range n')).toHaveValue('2');
      await expect(embedded.getByText('Stepstream · every number')).toHaveCount(0);
      await embedded.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(embedded.getByTestId('connection-state')).toHaveText('Closed', { timeout: 10_000 });

      await expect.poll(() => refusals.length).toBeGreaterThan(0);
      expect(refusals.join('\n')).toContain("frame-ancestors 'none'");
      await expect(page.frameLocator('#home').getByRole('heading', { name: 'Server-Sent Events, step by step' })).toHaveCount(0);
    } finally {
      course.close();
    }
  });
});
