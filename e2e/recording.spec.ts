import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LessonPage } from './lesson-page';

/** The default stream, shortened: three messages 50 ms apart. */
async function runToTheEnd(page: Page) {
  const lesson = new LessonPage(page);
  await lesson.goto('/?delay=50');
  await lesson.run.click();
  await expect(lesson.connectionState).toHaveText('Closed');
  await expect(lesson.executionRows()).toHaveCount(5);
  return lesson;
}

/** Presses a download button and reads the file the browser saved, under the name it suggested. */
async function download(page: Page, name: string) {
  await new LessonPage(page).showSection('Take the run away');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const saved = path.join(tmpdir(), `stepstream-e2e-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), saved, text: await readFile(saved, 'utf8') };
}

/** Picks a file in "Load a trace", as a person choosing it in the file dialog. */
async function loadTrace(page: Page, name: string, text: string) {
  await new LessonPage(page).showSection('Take the run away');
  await page.getByLabel('Load a trace').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test.describe('taking a run away', () => {
  test('the JSON trace holds the run, and loading it on a fresh page shows the same table, replayable', async ({ page, context }) => {
    const lesson = await runToTheEnd(page);
    const table = await lesson.executionCells(6);
    const trace = await download(page, 'Download trace (JSON)');

    expect(trace.name).toMatch(/^stepstream-run-n3-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(trace.text);
    expect(file).toMatchObject({ format: 'stepstream-trace', version: 1, params: { n: 3, delayMs: 50, template: 'Message {i}' } });
    expect(file.events.map((event: { type: string }) => event.type)).toEqual(['open', 'frame', 'frame', 'frame', 'end']);
    expect(file.rows.map((row: { step: number; atMs: number }) => [row.step, typeof row.atMs])).toEqual(
      [1, 2, 3, 4, 5].map((step) => [step, 'number']),
    );
    expect(file.frames.map((frame: { text: string }) => frame.text)).toEqual([
      'data: Message 0\n\n',
      'data: Message 1\n\n',
      'data: Message 2\n\n',
    ]);

    // Another machine: a fresh page, no run.
    const other = await context.newPage();
    const replay = new LessonPage(other);
    await replay.goto('/');
    await loadTrace(other, trace.name, trace.text);
    await expect(other.getByRole('status').filter({ hasText: 'Loaded' })).toHaveText(
      /Loaded stepstream-run-n3-.*: 5 steps, at step 1 of 5/,
    );
    await expect(replay.timeline).toHaveAttribute('aria-valuetext', 'Step 1 of 5');
    await expect(replay.executionRows()).toHaveCount(1);
    await expect(replay.sleep).toHaveValue('0.05');

    await other.getByRole('button', { name: 'Play recording' }).click();
    await expect(replay.timeline).toHaveAttribute('aria-valuetext', 'Step 5 of 5');
    expect(await replay.executionCells(6)).toEqual(table);
    await other.getByRole('button', { name: 'First step (Home)' }).click();
    await expect(replay.executionRows()).toHaveCount(1);
    await other.getByRole('button', { name: 'Last step (End)' }).click();
    expect(await replay.executionCells(6)).toEqual(table);
  });

  test("the CSV is the Execution Table under the seed's column names", async ({ page }) => {
    const lesson = await runToTheEnd(page);
    const csv = await download(page, 'Download trace (CSV)');
    expect(csv.name).toMatch(/^stepstream-run-n3-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('Step,Action,Data Sent,Sleep Time (s),Connection State,Arrived (ms)');
    expect(lines.at(-1)).toBe('');
    const cells = await lesson.executionCells(5);
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 5))).toEqual(cells);
  });

  test('the SVG animation parses, animates, and shows the last row after the recorded time', async ({ page }) => {
    await runToTheEnd(page);
    const trace = JSON.parse((await download(page, 'Download trace (JSON)')).text);
    const svg = await download(page, 'Download animation (SVG)');
    expect(svg.name).toMatch(/^stepstream-run-n3-\d{4}-\d{2}-\d{2}\.svg$/);

    await page.goto(`file://${svg.saved}`);
    const lastAtS = trace.rows.at(-1).atMs / 1000;
    const parsed = await page.evaluate(() => ({
      root: document.documentElement.localName,
      errors: document.getElementsByTagName('parsererror').length,
      animations: document.querySelectorAll('set, animate, animateTransform').length,
      title: document.querySelector('title')?.textContent,
    }));
    expect(parsed).toMatchObject({ root: 'svg', errors: 0, title: 'Server-Sent Events, step by step: a recorded run of 3 messages' });
    expect(parsed.animations).toBeGreaterThan(10);

    const lastRowAt = (seconds: number) =>
      page.evaluate((time) => {
        const root = document.querySelector('svg')!;
        root.pauseAnimations();
        root.setCurrentTime(time);
        const row = document.querySelector('[data-part="row"][data-step="5"]')!;
        return getComputedStyle(row).visibility;
      }, seconds);
    expect(await lastRowAt(lastAtS / 2)).toBe('hidden');
    expect(await lastRowAt(lastAtS + 0.5)).toBe('visible');
  });

  test('a file that is not a trace says why, inline, and the table stays as it was', async ({ page }) => {
    const lesson = await runToTheEnd(page);
    const table = await lesson.executionCells(6);
    const alert = page.getByRole('alert').filter({ hasText: 'bad.json' });
    const hostile = JSON.stringify({
      format: 'stepstream-trace',
      version: 1,
      exportedAt: 'now',
      params: { n: 3, delayMs: 50, template: '<img src=x onerror=alert(1)>' },
      events: [
        { type: 'open', atMs: 0 },
        { type: 'end', atMs: 1, reason: 'complete' },
        { type: 'frame', atMs: -5, data: '<script>alert(1)</script>' },
      ],
      rows: [],
      frames: [],
    }).replace('{', '{"__proto__":{"polluted":true},');
    for (const [text, message] of [
      ['Step,Action\r\n1,Start', /bad\.json: This file is not JSON/],
      ['{"format":"chrome-trace"}', /its "format" should be "stepstream-trace"/],
      ['{"format":"stepstream-trace","version":9}', /format version 9, from a newer Stepstream/],
      [hostile, /events\[2\]\.atMs must be 0 or more/],
    ] as const) {
      await loadTrace(page, 'bad.json', text);
      await expect(alert).toHaveText(message);
      expect(await lesson.executionCells(6)).toEqual(table);
      await expect(lesson.connectionState).toHaveText('Closed');
    }
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    const { violations } = await new AxeBuilder({ page }).include('.export-card').analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });

  test('the downloads wait for a run and say why; Print handout and Load a trace are there from the start', async ({ page }) => {
    const lesson = new LessonPage(page);
    await lesson.goto('/');
    await lesson.showSection('Take the run away');
    const json = page.getByRole('button', { name: 'Download trace (JSON)' });
    await expect(json).toHaveAttribute('aria-disabled', 'true');
    await expect(json).toHaveAccessibleDescription(/need a recorded run/);
    await expect(page.getByRole('button', { name: 'Print handout' })).toBeEnabled();
    await expect(page.getByLabel('Load a trace')).toBeEnabled();
    // Presenter mode is only the stage.
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(page.getByRole('heading', { name: 'Take the run away' })).toBeHidden();
  });

  test('printed, the handout has the code, both tables and the Key Moments, and none of the controls', async ({ page }) => {
    const lesson = await runToTheEnd(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.code-pre').first()).toBeVisible();
    await expect(lesson.executionTable).toBeVisible();
    await expect(lesson.variableTracker).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Key Moments' })).toBeVisible();
    await expect(page.getByText('When the generator finishes yielding all messages (step 5)')).toBeVisible();
    for (const hidden of [
      lesson.range,
      lesson.run,
      page.getByRole('heading', { name: 'Visual Quiz' }),
      page.getByRole('heading', { name: 'Stream lab' }),
    ]) {
      await expect(hidden).toBeHidden();
    }
    await expect(page.getByRole('heading', { name: 'Take the run away' })).toBeHidden();
    expect(await page.locator('.run-bar').evaluate((bar) => getComputedStyle(bar).position)).toBe('static');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
