import { DEFAULT_DRAFT } from '@/lib/contract/draft';
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createLessonStore } from '@/lib/store/lesson-store';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import type { StreamEvent } from '@/lib/trace/types';
import { SEED_EXECUTION_TABLE, SEED_VARIABLE_TRACKER } from '@/lib/trace/seed-tables.fixture';
import { ExecutionTable } from './execution-table';
import { LessonStoreProvider } from '../lesson/lesson-store-provider';
import { VariableTracker } from './variable-tracker';

function renderTables(events: StreamEvent[], status: 'open' | 'closed' = 'closed') {
  const store = createLessonStore();
  store.setState({ runParams: { ...DEFAULT_PARAMS }, events, status });
  render(
    <LessonStoreProvider store={store}>
      <ExecutionTable />
      <VariableTracker />
    </LessonStoreProvider>,
  );
  return store;
}

const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);

describe('ExecutionTable and VariableTracker', () => {
  it("render the seed's tables from a finished run in the store", () => {
    renderTables(expectedEvents(DEFAULT_PARAMS).map((event, k) => ({ ...event, atMs: k * 1000 })));

    const execution = screen.getByRole('table', { name: /^Execution Table/ });
    const header = execution.querySelector<HTMLElement>('thead tr')!;
    const rows = [...execution.querySelectorAll<HTMLElement>('tbody tr')];
    expect(cellsOf(header)).toEqual(['Step', 'Action', 'Data Sent', 'Sleep Time (s)', 'Connection State', 'Arrived']);
    expect(rows.map((row) => cellsOf(row).slice(0, 5))).toEqual(SEED_EXECUTION_TABLE);
    expect(cellsOf(rows[2]!)[5]).toBe('+2.000 s');
    expect(rows[4]).toHaveAttribute('aria-current', 'step');
    expect(execution).toHaveTextContent('Generator finishes after sending 3 messages, connection closes.');

    const tracker = screen.getByRole('table', { name: /^Variable Tracker/ });
    expect(within(tracker).getAllByRole('row').map(cellsOf)).toEqual(SEED_VARIABLE_TRACKER);
  });

  it('show only what has arrived so far, marking the newest row current', () => {
    renderTables(
      [
        { type: 'open', atMs: 0 },
        { type: 'frame', atMs: 2, data: 'Message 0' },
      ],
      'open',
    );
    const execution = screen.getByRole('table', { name: /^Execution Table/ });
    const steps = within(execution)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(steps).toEqual(['1', '2']);
    expect(within(execution).getByRole('row', { current: 'step' })).toHaveTextContent('Message 0');
    const tracker = screen.getByRole('table', { name: /^Variable Tracker/ });
    expect(
      within(tracker)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Variable', 'Start', 'After 1']);
  });

  it("show the prediction for the form's parameters before any run, marked as predicted", () => {
    const store = createLessonStore({ draft: { ...DEFAULT_DRAFT, n: '2', sleepSeconds: '0.5', template: 'Hi {i}', mode: 'timed' } });
    render(
      <LessonStoreProvider store={store}>
        <ExecutionTable />
      </LessonStoreProvider>,
    );
    const execution = screen.getByRole('table', { name: /^Execution Table/ });
    expect(execution).toHaveAttribute('data-source', 'expected');
    expect(execution).toHaveTextContent('predicted from the code');
    expect([...execution.querySelectorAll('tbody tr')].map((row) => cellsOf(row as HTMLElement)[2])).toEqual([
      'None',
      'Hi 0',
      'Hi 1',
      'None',
    ]);
  });

  it('light up exactly the cells a hint names', () => {
    const store = renderTables(expectedEvents(DEFAULT_PARAMS));
    act(() => store.getState().actions.setHighlight({ table: 'execution', steps: [3], columns: ['Step', 'Data Sent'] }));
    expect([...document.querySelectorAll('[data-highlighted]')].map((cell) => cell.textContent)).toEqual(['3', 'Message 1']);
    act(() => store.getState().actions.setHighlight({ table: 'tracker', rows: ['i'], columns: ['After 3'] }));
    expect([...document.querySelectorAll('[data-highlighted]')].map((cell) => cell.textContent)).toEqual(['2']);
  });
});

describe('a long run', () => {
  it('keeps only the rows in view in the DOM, tells assistive tech how many there are, and follows the newest', () => {
    const params = { n: 2000, delayMs: 0, template: 'Message {i}' };
    const store = createLessonStore();
    store.setState({ runParams: params, events: expectedEvents(params), status: 'closed' });
    render(
      <LessonStoreProvider store={store}>
        <ExecutionTable />
        <VariableTracker />
      </LessonStoreProvider>,
    );
    const execution = screen.getByRole('table', { name: /^Execution Table/ });
    expect(execution).toHaveAttribute('aria-rowcount', '2003');
    const rendered = [...execution.querySelectorAll('tbody tr[data-step]')];
    expect(rendered.length).toBeLessThan(100);
    expect(rendered.at(-1)).toHaveTextContent('Generator ends');
    expect(rendered.at(-1)).toHaveAttribute('aria-rowindex', '2003');

    const tracker = screen.getByRole('table', { name: /^Variable Tracker/ });
    const headers = [...tracker.querySelectorAll('thead th')].map((cell) => cell.textContent);
    expect(headers.slice(0, 5)).toEqual(['Variable', 'Start', 'After 1', 'After 2', '…']);
    expect(headers.at(-1)).toBe('Final');
    expect(headers.length).toBeLessThan(70);
  });
});
