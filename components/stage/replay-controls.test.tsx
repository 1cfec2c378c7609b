import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createLessonStore } from '@/lib/store/lesson-store';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import { ExecutionTable } from '../tables/execution-table';
import { LessonStoreProvider } from '../lesson/lesson-store-provider';
import { ReplayControls } from './replay-controls';

describe('ReplayControls', () => {
  it('moves the tables through the recording: Back, Home, Forward, End', async () => {
    const store = createLessonStore();
    store.setState({ runParams: { ...DEFAULT_PARAMS }, events: expectedEvents(DEFAULT_PARAMS), status: 'closed' });
    render(
      <LessonStoreProvider store={store}>
        <ReplayControls />
        <ExecutionTable />
      </LessonStoreProvider>,
    );
    const user = userEvent.setup();
    const rows = () => document.querySelectorAll('tbody tr[data-step]').length;
    expect(screen.getByText('Step 5 of 5')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back one step (←)' }));
    expect(screen.getByText('Step 4 of 5')).toBeInTheDocument();
    expect(rows()).toBe(4);
    const home = screen.getByRole('button', { name: 'First step (Home)' });
    await user.click(home);
    expect(rows()).toBe(1);
    // Unavailable now, but still focused: focus never falls to <body> (aria-disabled, not disabled).
    expect(home).toHaveAttribute('aria-disabled', 'true');
    expect(home).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Back one step (←)' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'Back one step (←)' }));
    expect(rows()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Forward one step' }));
    expect(screen.getByRole('slider', { name: 'Step' })).toHaveValue('2');
    await user.click(screen.getByRole('button', { name: 'Last step (End)' }));
    expect(store.getState().cursor).toBeNull();
    expect(rows()).toBe(5);
  });
});
