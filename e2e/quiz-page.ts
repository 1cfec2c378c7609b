import type { Locator, Page } from '@playwright/test';

/** The Visual Quiz on `/`. */
export class QuizPanel {
  readonly score: Locator;
  readonly newQuestions: Locator;

  constructor(readonly page: Page) {
    this.score = page.locator('.quiz-score');
    this.newQuestions = page.getByRole('button', { name: 'New questions' });
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

  /** Every question's text, in order (once the quiz, which loads after the page, is there). */
  async prompts() {
    await this.page.locator('li.question').first().waitFor();
    return this.page.locator('li.question .question-prompt span[id]').allTextContents();
  }

  /** The text of the highlighted cells, in document order. */
  async highlightedCells() {
    return this.page.locator('[data-highlighted]').allTextContents();
  }
}
