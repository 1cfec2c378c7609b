import { DEFAULT_DRAFT } from '@/lib/contract/draft';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLessonStore } from '@/lib/store/lesson-store';
import type { ParamsDraft } from '@/lib/contract/draft';
import { PROGRESS_SCORING, PROGRESS_STORAGE_KEY, PROGRESS_VERSION } from '@/lib/store/progress-data';
import { ExecutionTable } from '../tables/execution-table';
import { LessonStoreProvider, QuizStoreProvider } from '../lesson/lesson-store-provider';
import { VariableTracker } from '../tables/variable-tracker';
import { QuizSection } from './quiz-section';

function renderQuiz(draft?: ParamsDraft) {
  const lesson = createLessonStore({ draft });
  render(
    <LessonStoreProvider store={lesson}>
      <QuizStoreProvider>
        <ExecutionTable />
        <VariableTracker />
        <QuizSection />
      </QuizStoreProvider>
    </LessonStoreProvider>,
  );
  return { lesson, user: userEvent.setup() };
}

const FIRST = "Look at the execution_table, what is the value of 'i' when the second message is sent?";
const THIRD = "If we increase the range to 5 in the generator, how would the 'After 3' value of 'i' in variable_tracker change?";

describe('QuizSection', () => {
  beforeEach(() => localStorage.clear());

  it("offers the seed's questions as radio groups named by the question, with lettered options", () => {
    renderQuiz();
    const group = screen.getByRole('radiogroup', { name: FIRST });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')!.textContent),
    ).toEqual(['A 0', 'B 1', 'C 2', 'D None']);
    expect(screen.getByText('0 / 3')).toBeInTheDocument();
  });

  it('says Correct in place and counts it in the score', async () => {
    const { user } = renderQuiz();
    const group = screen.getByRole('radiogroup', { name: FIRST });
    await user.click(within(group).getByRole('radio', { name: 'B 1' }));
    await user.click(within(group.closest('li')!).getByRole('button', { name: 'Check' }));
    expect(within(group.closest('li')!).getByRole('status')).toHaveTextContent(/^Correct\./);
    expect(screen.getByText('1 / 3')).toBeInTheDocument();
  });

  it('explains a wrong answer with the row and column that hold the right one', async () => {
    const { user } = renderQuiz();
    const card = screen.getByRole('radiogroup', { name: FIRST }).closest('li')!;
    await user.click(within(card).getByRole('radio', { name: 'C 2' }));
    await user.click(within(card).getByRole('button', { name: 'Check' }));
    expect(within(card).getByRole('status')).toHaveTextContent(
      'Not quite: the answer is B 1. The second message, "Message 1", is sent at step 3; in that row i is 1, because range() counts from 0.',
    );
    expect(screen.getByText('0 / 3')).toBeInTheDocument();
  });

  it('scores the first Check only: correcting a guess after seeing the answer is practice, marked as not scored', async () => {
    const { user } = renderQuiz();
    const card = screen.getByRole('radiogroup', { name: FIRST }).closest('li')!;
    await user.click(within(card).getByRole('radio', { name: 'C 2' }));
    await user.click(within(card).getByRole('button', { name: 'Check' }));
    await user.click(within(card).getByRole('radio', { name: 'B 1' }));
    await user.click(within(card).getByRole('button', { name: 'Check' }));

    const feedback = within(card).getByRole('status');
    expect(feedback).toHaveTextContent(/^Not quite: the answer is B 1\./);
    expect(feedback).toHaveTextContent('Practice, not scored: B 1 is right. Your score keeps your first answer, C 2.');
    expect(screen.getByText('0 / 3')).toBeInTheDocument();
    const mastery = screen.getByRole('table', { name: 'Mastery by kind of question' });
    expect(within(mastery).getByRole('cell', { name: '0 of 1' })).toBeInTheDocument();
  });

  it('keeps focus on Check after it is pressed: it is marked aria-disabled, not disabled, and ignores clicks', async () => {
    const { user } = renderQuiz();
    const card = screen.getByRole('radiogroup', { name: FIRST }).closest('li')!;
    const check = within(card).getByRole('button', { name: 'Check' });
    expect(check).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(card).getByRole('radio', { name: 'B 1' }));
    expect(check).not.toHaveAttribute('aria-disabled');
    await user.click(check);
    expect(check).toHaveFocus();
    expect(check).toHaveAttribute('aria-disabled', 'true');
    expect(check).not.toBeDisabled();
    await user.click(check);
    expect(within(card).getByRole('status')).toHaveTextContent(/^Correct\./);
    expect(
      within(screen.getByRole('table', { name: 'Mastery by kind of question' })).getByRole('cell', { name: '1 of 1' }),
    ).toBeInTheDocument();
  });

  it('lights up the cells a hint names, announces them, and offers to run the stream before any run', async () => {
    const { user } = renderQuiz();
    const card = screen.getByRole('radiogroup', { name: THIRD }).closest('li')!;
    await user.click(within(card).getByRole('button', { name: 'Hint' }));
    expect(within(card).getByText(/The 'After 3' column shows the value after the third iteration/)).toBeInTheDocument();
    const tracker = screen.getByRole('table', { name: /^Variable Tracker/ });
    expect([...tracker.querySelectorAll('[data-highlighted]')].map((cell) => cell.textContent)).toEqual(['2']);
    expect(screen.getByText(/Highlighted in the Variable Tracker, row i: After 3\./)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Run the stream' })).toBeInTheDocument();
  });

  it('shows the progress another tab saves when its storage event arrives', async () => {
    const entry = (correct: number) => ({
      at: '2026-11-23T12:00:00.000Z',
      quiz: 'classic',
      correct,
      total: 3,
      params: { n: 3, delayMs: 1000, template: 'Message {i}' },
    });
    const save = (...history: ReturnType<typeof entry>[]) =>
      localStorage.setItem(
        PROGRESS_STORAGE_KEY,
        JSON.stringify({ state: { scoring: PROGRESS_SCORING, history, mastery: {} }, version: PROGRESS_VERSION }),
      );
    save(entry(1));
    renderQuiz();
    expect(await screen.findByText('Recent scores: 1 / 3')).toBeInTheDocument(); // this tab has read the save

    save(entry(1), entry(2)); // another tab finishes a set
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: PROGRESS_STORAGE_KEY, storageArea: localStorage })));
    expect(screen.getByText('Recent scores: 2 / 3 · 1 / 3')).toBeInTheDocument();
  });

  it('stops offering More questions when every different question has been asked, never repeating one', async () => {
    const { user } = renderQuiz({ ...DEFAULT_DRAFT, n: '1', sleepSeconds: '1', template: 'Message {i}', mode: 'timed' });
    const more = screen.getByRole('button', { name: 'More questions' });
    for (let clicks = 0; clicks < 20 && more.getAttribute('aria-disabled') !== 'true'; clicks++) await user.click(more);
    expect(more).toHaveAttribute('aria-disabled', 'true');
    expect(more).toHaveFocus();
    expect(screen.getByText('That is every different question about these parameters.')).toBeInTheDocument();
    const prompts = screen
      .getAllByRole('radiogroup')
      .map((group) => group.getAttribute('aria-labelledby')!)
      .map((id) => document.getElementById(id)!.textContent);
    expect(prompts.length).toBeGreaterThan(20);
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});
