import { expect, test } from '@playwright/test';
import { LessonPage } from './lesson-page';
import { QuizPanel } from './quiz-page';

const SEED_QUESTIONS = {
  first: "Look at the execution_table, what is the value of 'i' when the second message is sent?",
  second: 'At which step does the connection close according to the execution_table?',
  third: "If we increase the range to 5 in the generator, how would the 'After 3' value of 'i' in variable_tracker change?",
};

test.describe('the visual quiz', () => {
  test("answering the seed's three questions right after a run scores 3 / 3", async ({ page }) => {
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto();
    await quiz.show();
    await lesson.run.click();
    await expect(lesson.connectionState).toHaveText('Closed', { timeout: 10_000 });
    await expect(page.getByText('about the run you just watched')).toBeVisible();

    for (const [prompt, option] of [
      [SEED_QUESTIONS.first, 'B 1'],
      [SEED_QUESTIONS.second, 'C Step 5'],
      [SEED_QUESTIONS.third, 'A It would be 2'],
    ] as const) {
      const question = quiz.question(prompt);
      await question.choose(option);
      await question.check();
      await expect(question.feedback).toContainText('Correct.');
    }
    await expect(quiz.score).toHaveText('Score: 3 / 3');
    await expect(page.getByText('Recent scores: 3 / 3')).toBeVisible();
  });

  test('a wrong answer shows the explanation, and the hint highlights the cells that answer it', async ({ page }) => {
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto();
    await quiz.show();
    const question = quiz.question(SEED_QUESTIONS.first);
    await question.choose('C 2');
    await question.check();
    await expect(question.feedback).toHaveText(
      'Not quite: the answer is B 1. The second message, "Message 1", is sent at step 3; in that row i is 1, because range() counts from 0.',
    );
    await question.hint();
    await expect(question.card).toContainText("Check the 'Data Sent' and 'Step' columns for when the second message is sent.");
    expect(await quiz.highlightedCells()).toEqual(['3', 'Message 1']);
    // The hint leaves the page where it is, so the question stays on screen...
    await expect(question.card).toBeInViewport();
    // ...and offers the way to the cells and, in one tap, back.
    await question.card.getByRole('button', { name: 'Show me in the table' }).click();
    await expect(page.locator('[data-highlighted]').first()).toBeInViewport();
    await page.getByRole('button', { name: 'Back to question 1' }).click();
    await expect(question.card).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Back to question 1' })).toHaveCount(0);
    await expect(quiz.score).toHaveText('Score: 0 / 3');
  });

  test('on a phone, a hint keeps the question on screen and scrolls the table box to the cell, across too', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto();
    await quiz.show();
    const question = quiz.question(SEED_QUESTIONS.first);
    await question.card.scrollIntoViewIfNeeded();
    const scrollY = await page.evaluate(() => window.scrollY);
    await question.hint();
    await expect(question.card.getByText('Hint:')).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    await question.card.getByRole('button', { name: 'Show me in the table' }).click();
    const dataSent = page.locator('[data-highlighted]').filter({ hasText: 'Message 1' });
    await expect(dataSent).toBeInViewport({ ratio: 0.9 });
  });

  test('a guess corrected after the answer is shown is practice: the score and saved progress keep the first Check', async ({ page }) => {
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto();
    await quiz.show();
    const question = quiz.question(SEED_QUESTIONS.first);
    await question.choose('C 2');
    await question.check();
    // Check has nothing new to judge now, yet keeps the focus (aria-disabled, not disabled).
    await expect(question.checkButton).toBeDisabled();
    await expect(question.checkButton).toBeFocused();
    await question.choose('B 1');
    await question.check();
    await expect(question.feedback).toContainText('Not quite: the answer is B 1.');
    await expect(question.feedback).toContainText('Practice, not scored: B 1 is right. Your score keeps your first answer, C 2.');
    await expect(quiz.score).toHaveText('Score: 0 / 3');

    await page.reload();
    await expect(page.getByRole('table', { name: 'Mastery by kind of question' }).getByRole('cell', { name: '0 of 1' })).toBeVisible();
  });

  test("two tabs keep both records: what one saves is added to the other's, never written over it", async ({ page, context }) => {
    const tabA = { lesson: new LessonPage(page), quiz: new QuizPanel(page) };
    const pageB = await context.newPage();
    const tabB = { lesson: new LessonPage(pageB), quiz: new QuizPanel(pageB) };
    await tabA.lesson.goto();
    await tabB.lesson.goto();
    await tabA.quiz.show();
    await tabB.quiz.prompts(); // both tabs have the quiz, and have read the (empty) save

    for (const [prompt, option] of [
      [SEED_QUESTIONS.first, 'B 1'],
      [SEED_QUESTIONS.second, 'C Step 5'],
      [SEED_QUESTIONS.third, 'A It would be 2'],
    ] as const) {
      await tabA.quiz.question(prompt).choose(option);
      await tabA.quiz.question(prompt).check();
    }
    await expect(page.getByText('Recent scores: 3 / 3')).toBeVisible();
    // Tab B hears of it through the storage event, then adds its own answer.
    await expect(pageB.getByText('Recent scores: 3 / 3')).toBeVisible();
    await tabB.quiz.question(SEED_QUESTIONS.second).choose('A Step 3');
    await tabB.quiz.question(SEED_QUESTIONS.second).check();

    const mastery = page.getByRole('table', { name: 'Mastery by kind of question' });
    await expect(mastery.getByRole('row', { name: /the step that closes the connection/ })).toContainText('1 of 2');
    await page.reload();
    await expect(page.getByText('Recent scores: 3 / 3')).toBeVisible();
    await expect(mastery.getByRole('row', { name: /the step that closes the connection/ })).toContainText('1 of 2');
    await expect(mastery.getByRole('row', { name: /i when a message is sent/ })).toContainText('1 of 1');
  });

  test('?quiz=SEED gives the same questions on every load, and New questions shares its own seed', async ({ page }) => {
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto('/?quiz=12345');
    const shared = await quiz.prompts();
    expect(shared).toHaveLength(3);
    expect(shared).not.toContain(SEED_QUESTIONS.first);
    await page.reload();
    await expect.poll(() => quiz.prompts()).toEqual(shared);

    await quiz.newQuestions.click();
    await expect(page).toHaveURL(/[?&]quiz=\d+/);
    const drawn = await quiz.prompts();
    expect(drawn).not.toEqual(shared);
    await page.reload();
    await expect.poll(() => quiz.prompts()).toEqual(drawn);
  });

  test('five clicks of More questions bring fifteen new questions and no repeat', async ({ page }) => {
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto('/?quiz=777');
    await expect.poll(() => quiz.prompts()).toHaveLength(3);
    for (let click = 1; click <= 5; click++) {
      await page.getByRole('button', { name: 'More questions' }).click();
      await expect(page.locator('li.question')).toHaveCount(3 + 3 * click);
    }
    const prompts = await quiz.prompts();
    expect(new Set(prompts).size).toBe(18);
  });

  test('the questions follow the parameters: range 5 closes at step 7', async ({ page }) => {
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto();
    await quiz.show();
    await lesson.range.fill('5');
    const second = quiz.question(SEED_QUESTIONS.second);
    await expect(second.group.getByRole('radio')).toHaveCount(4);
    await second.choose('C Step 7');
    await second.check();
    await expect(second.feedback).toContainText('Correct.');
    await expect(
      quiz.question("If we increase the range to 7 in the generator, how would the 'After 3' value of 'i' in variable_tracker change?")
        .group,
    ).toBeVisible();
  });

  test('corrupt saved progress is dropped with a notice and the page keeps working', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('stepstream-progress', '{"state": {"history": "oops"');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const lesson = new LessonPage(page);
    const quiz = new QuizPanel(page);
    await lesson.goto();
    await quiz.show();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read and was reset' })).toBeVisible();

    const question = quiz.question(SEED_QUESTIONS.second);
    await question.choose('C Step 5');
    await question.check();
    await expect(quiz.score).toHaveText('Score: 1 / 3');
    await page.reload();
    await expect(page.getByText('could not be read')).toHaveCount(0);
    await expect(page.getByRole('cell', { name: '1 of 1' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
