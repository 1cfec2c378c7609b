import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The sections below the stage whose code loads when a student comes near them. */
export type SectionBelowTheStage = 'Stream lab' | 'Visual Quiz' | 'Take the run away';

/**
 * Scrolls through the sections below the stage of a lesson (a page, or an embed's frame), one by
 * one as a reader would, waiting for each to load before going on: a section that loads grows,
 * and pushes the next one down.
 */
export async function showEverySection(lesson: Page | FrameLocator) {
  const loaded: Record<SectionBelowTheStage, Locator> = {
    'Stream lab': lesson.getByRole('tablist', { name: 'Stream lab' }),
    'Visual Quiz': lesson.getByRole('radiogroup').first(),
    'Take the run away': lesson.getByRole('button', { name: 'Print handout' }),
  };
  for (const [heading, content] of Object.entries(loaded)) {
    await expect(async () => {
      await lesson.getByRole('heading', { name: heading, exact: true }).scrollIntoViewIfNeeded();
      await expect(content).toBeVisible({ timeout: 1000 });
    }).toPass();
  }
}

/** The lesson page `/`, located the way a person finds things: by role and name. */
export class LessonPage {
  readonly executionTable: Locator;
  readonly variableTracker: Locator;
  readonly connectionState: Locator;
  readonly run: Locator;
  readonly stop: Locator;
  readonly reset: Locator;
  readonly range: Locator;
  readonly sleep: Locator;
  readonly template: Locator;
  /** The timeline's slider: its value text is "Step 3 of 5" (or "Predicted step 3 of 5"). */
  readonly timeline: Locator;
  /** The stage's one-line account of the step on show. */
  readonly narration: Locator;

  constructor(readonly page: Page) {
    this.executionTable = page.getByRole('table', { name: 'Execution Table' });
    this.variableTracker = page.getByRole('table', { name: 'Variable Tracker' });
    this.connectionState = page.getByTestId('connection-state');
    this.run = page.getByRole('button', { name: 'Run', exact: true });
    this.stop = page.getByRole('button', { name: 'Stop', exact: true });
    this.reset = page.getByRole('button', { name: 'Reset', exact: true });
    this.range = page.getByLabel('Range n');
    this.sleep = page.getByLabel('Sleep (seconds)');
    this.template = page.getByLabel('Message template');
    this.timeline = page.getByRole('slider', { name: 'Step' });
    this.narration = page.getByTestId('narration');
  }

  async goto(path = '/') {
    await this.page.goto(path);
    // The page is interactive once hydrated: the Run button works only then.
    await expect(this.run).toBeEnabled();
    // The shortcuts' code arrives just after (a click or key meanwhile is kept, but a test checking
    // focus on the shortcuts button needs the button that stays).
    await expect(this.page.locator('[data-shortcuts-loading]')).toHaveCount(0);
  }

  /**
   * Scrolls a section below the stage into view, as a student would: the stream lab, the quiz and
   * the downloads load their code only when someone comes near them (components/ui/load-when-near.tsx).
   */
  async showSection(heading: SectionBelowTheStage) {
    await this.page.getByRole('heading', { name: heading, exact: true }).scrollIntoViewIfNeeded();
  }

  /** Scrolls through every section below the stage, so each has loaded, then back to the top. */
  async showEverySection() {
    await showEverySection(this.page);
    await this.page.evaluate(() => window.scrollTo(0, 0));
  }

  /** The Execution Table's data rows (those with a step number). */
  executionRows() {
    return this.executionTable.locator('tbody tr[data-step]');
  }

  /** Each data row's cells, optionally only the first `columns`. */
  async executionCells(columns = 5) {
    return this.executionRows().evaluateAll(
      (rows, count) => rows.map((row) => [...row.querySelectorAll('th, td')].slice(0, count).map((cell) => cell.textContent ?? '')),
      columns,
    );
  }

  async trackerCells() {
    return this.variableTracker
      .locator('tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')));
  }
}

/** Where the lesson stands: the current Execution Table row and the lit code line. */
export async function lessonPosition(page: Page) {
  const row = await page.locator('tr[aria-current="step"]').getAttribute('data-step');
  const line = await page.locator('.code-line[aria-current="step"]').first().getAttribute('data-line');
  return { row: row === null ? null : Number(row), line: line === null ? null : Number(line) };
}
