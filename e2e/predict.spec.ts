import { expect, test } from '@playwright/test';
import { LessonPage } from './lesson-page';

/*
 * Predict mode as a student uses it: the server holds each frame while they predict the row it
 * makes, Reveal lets it go, and the row arrives beside the prediction, each cell marked.
 */

test('the server holds every frame until Reveal, and each arrived row is marked against the prediction', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.goto('/?delay=200');
  await page.getByRole('switch', { name: 'Predict' }).click();
  await expect(page.getByText('Press Run: the server holds each frame while you predict the row it will make.')).toBeVisible();
  await lesson.run.click();
  await expect(lesson.executionRows()).toHaveCount(1);
  await expect(lesson.connectionState).toHaveText(/Open/);

  // Held: well past the sleep, no frame has come.
  await page.waitForTimeout(1500);
  await expect(lesson.executionRows()).toHaveCount(1);

  const prediction = page.getByRole('group', { name: 'Your prediction for step 2' });
  await prediction.getByLabel('Data Sent').selectOption('Message 0');
  await prediction.getByLabel('i', { exact: true }).selectOption('1'); // wrong: the first frame has i = 0
  await prediction.getByLabel('Sleep Time (s)').selectOption('0.2');
  await prediction.getByLabel('Connection State').selectOption('Open');
  await page.getByRole('button', { name: 'Reveal step 2' }).click();
  await expect(lesson.executionRows()).toHaveCount(2);
  const result = page.locator('.prediction-result');
  await expect(result.getByText('Step 2 arrived: 3 of 4 cells right')).toBeVisible();
  await expect(result.locator('.mark-wrong')).toHaveText(
    /i: 0 \(you said 1\)\. range\(3\) counts from 0: this is frame 1 of 3, so i = 0\./,
  );
  await expect(result.locator('.mark-right')).toHaveCount(3);

  // After the frame, the real sleep, then held again: no second frame without a Reveal.
  await page.waitForTimeout(1500);
  await expect(lesson.executionRows()).toHaveCount(2);

  // The rest by keyboard: a choice typed in the student's own words, then → to reveal.
  const next = page.getByRole('group', { name: 'Your prediction for step 3' });
  await next.getByLabel('Data Sent').selectOption({ label: 'Something else…' });
  await next.getByLabel('Data Sent, in your words').fill('Message 1');
  await page.locator('.predict-heading').click(); // out of the text field: there the arrow keys are the field's
  await page.keyboard.press('ArrowRight');
  await expect(lesson.executionRows()).toHaveCount(3);
  await expect(page.locator('.prediction-result').getByText('Step 3 arrived: 1 of 1 cell right')).toBeVisible();
  await expect(page.getByText('this run: 4 of 5 cells right')).toBeVisible();

  for (const rows of [4, 5]) {
    await page.getByRole('button', { name: `Reveal step ${rows}` }).click();
    await expect(lesson.executionRows()).toHaveCount(rows);
  }
  await expect(lesson.connectionState).toHaveText(/Closed/);
  await expect(page.getByText('Run over: 4 of 5 cells right, added to your progress.')).toBeVisible();
  // The seed's Sleep Time, not "waiting for presenter": predict mode really sleeps.
  expect((await lesson.executionCells())[1]).toEqual(['2', "Yield 'data: Message 0\\n\\n'", 'Message 0', '0.2', 'Open']);

  // The tally joins the saved progress the quiz shows (the quiz loads when a student comes near it).
  await lesson.showSection('Visual Quiz');
  await expect(page.getByText('Predictions: 4 of 5 cells right, over 1 run predicted.')).toBeVisible();
  await page.reload();
  await lesson.showSection('Visual Quiz');
  await expect(page.getByText('Predictions: 4 of 5 cells right, over 1 run predicted.')).toBeVisible();
});

test('Step mode and Predict exclude each other, and neither changes while a run is under way', async ({ page }) => {
  const lesson = new LessonPage(page);
  await lesson.goto('/?delay=200');
  const step = page.getByRole('switch', { name: 'Step mode' });
  const predict = page.getByRole('switch', { name: 'Predict' });
  await step.click();
  await predict.click();
  await expect(step).toHaveAttribute('aria-checked', 'false');
  await expect(predict).toHaveAttribute('aria-checked', 'true');
  await lesson.run.click();
  await expect(lesson.executionRows()).toHaveCount(1);
  await expect(predict).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Reveal', exact: true })).toBeVisible();
});
