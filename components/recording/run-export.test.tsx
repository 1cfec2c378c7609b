import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { createRecording, recordingJson } from '@/lib/recording/recording';
import { createLessonStore } from '@/lib/store/lesson-store';
import { expectedEvents } from '@/lib/trace/expected';
import { LessonStoreProvider } from '../lesson/lesson-store-provider';
import { RunExport } from './run-export';

const seedEvents = expectedEvents(DEFAULT_PARAMS);

function renderCard(setup?: (store: ReturnType<typeof createLessonStore>) => void) {
  const store = createLessonStore();
  setup?.(store);
  render(
    <LessonStoreProvider store={store}>
      <RunExport />
    </LessonStoreProvider>,
  );
  return store;
}

const traceFile = (text: string, name = 'stepstream-run-n3-2026-11-25.json') => new File([text], name, { type: 'application/json' });

afterEach(() => vi.restoreAllMocks());

describe('RunExport', () => {
  it('says why the downloads wait before a run, and keeps them in the tab order', () => {
    renderCard();
    const json = screen.getByRole('button', { name: 'Download trace (JSON)' });
    expect(json).toHaveAttribute('aria-disabled', 'true');
    expect(json).toHaveAccessibleDescription(/need a recorded run: press Run \(or load a trace\) first/);
    expect(screen.getByRole('button', { name: 'Print handout' })).not.toHaveAttribute('aria-disabled');
  });

  it('waits for a run to end before offering its downloads', () => {
    renderCard((store) => store.setState({ runParams: { ...DEFAULT_PARAMS }, events: seedEvents.slice(0, 2), status: 'open' }));
    expect(screen.getByRole('button', { name: 'Download trace (CSV)' })).toHaveAccessibleDescription(/ready once this run has ended/);
  });

  it('downloads a finished run as a named file made in the browser', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:trace'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderCard((store) => store.setState({ runParams: { ...DEFAULT_PARAMS }, events: seedEvents, status: 'closed' }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Download trace (CSV)' }));
    expect(clicked).toEqual([expect.stringMatching(/^stepstream-run-n3-\d{4}-\d{2}-\d{2}\.csv$/)]);
    expect(created[0]!.type).toBe('text/csv;charset=utf-8');
    expect((await created[0]!.text()).split('\r\n')[0]).toBe('Step,Action,Data Sent,Sleep Time (s),Connection State,Arrived (ms)');
  });

  it('loads a picked trace: the run and the form follow it, from step 1', async () => {
    const store = renderCard();
    const recording = createRecording({ params: { ...DEFAULT_PARAMS, n: 2 }, events: expectedEvents({ ...DEFAULT_PARAMS, n: 2 }) }, 'x');
    await userEvent.setup().upload(screen.getByLabelText('Load a trace'), traceFile(recordingJson(recording)));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/Loaded stepstream-run-n3-2026-11-25\.json: 4 steps, at step 1 of 4/),
    );
    expect(store.getState()).toMatchObject({ runParams: { n: 2 }, cursor: 1, status: 'closed' });
    expect(store.getState().draft.n).toBe('2');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('refuses a dropped file that is not a trace, inline, and changes nothing', async () => {
    const store = renderCard((state) => state.setState({ runParams: { ...DEFAULT_PARAMS }, events: seedEvents, status: 'closed' }));
    const before = store.getState();
    const zone = screen.getByLabelText('Load a trace').closest('.trace-drop')!;
    fireEvent.drop(zone, { dataTransfer: { files: [traceFile('<svg></svg>', 'run.svg')] } });
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(/^run\.svg: This file is markup \(an SVG or a web page\), not a trace/),
    );
    expect(store.getState()).toBe(before);
  });
});
