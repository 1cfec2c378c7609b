import type { Locator, Page } from '@playwright/test';

/** The Visual Quiz on `/`. */
export class QuizPanel {
  readonly score: Locator;
  readonly newQuestions: Locator;

  constructor(readonly page: Page) {
    this.score = page.locator('.quiz-score');
    this.newQuestions = page.getByRole('button', { name: 'New questions' });
  }

  /** Scrolls to the quiz, whose code loads only when a student comes near it, and waits for its questions. */
  async show() {
    await this.page.getByRole('heading', { name: 'Visual Quiz', exact: true }).scrollIntoViewIfNeeded();
    await this.page.locator('li.question').first().waitFor();
  }

  question(prompt: string | RegExp) {
    const group = this.page.getByRole('radiogroup', { name: prompt });
    const card = this.page.locator('li.question').filter({ has: group });
    return {
      group,
      card,
      choose: (option: string) => group.getByRole('radio', { name: option, exact: true }).check(),
      checkButton: card.getByRole('button', { name: 'Check' }),
      check: () => card.getByRole('button', { name: 'Check' }).click(),
      hint: () => card.getByRole('button', { name: 'Hint' }).click(),
      feedback: card.getByRole('status'),
    };
  }

  /** Every question's text, in order. */
  async prompts() {
    await this.show();
    return this.page.locator('li.question .question-prompt span[id]').allTextContents();
  }

  /** The text of the highlighted cells, in document order. */
  async highlightedCells() {
    return this.page.locator('[data-highlighted]').allTextContents();
  }
}
