import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SHORTCUTS_STORAGE_KEY } from '@/lib/shortcuts/shortcut-setting';
import { createLessonStore } from '@/lib/store/lesson-store';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { LessonStoreProvider } from '../lesson/lesson-store-provider';

beforeAll(() => {
  // jsdom 29 has <dialog> and its `open` attribute but not showModal() or close(). These stand-ins
  // only open and close it; the inert page and the focus trap are the browser's (see e2e/keyboard.spec.ts).
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

afterEach(() => localStorage.clear());

/** A finished default run, shown at step 2 of 5, so every shortcut has something visible to change. */
function finishedRunStore() {
  const store = createLessonStore();
  store.setState({ runParams: { ...DEFAULT_PARAMS }, events: expectedEvents(DEFAULT_PARAMS), status: 'closed', cursor: 2 });
  return store;
}

function shortcutsTree(store: ReturnType<typeof createLessonStore>) {
  return (
    <LessonStoreProvider store={store}>
      <button type="button">Elsewhere</button>
      <KeyboardShortcuts />
    </LessonStoreProvider>
  );
}

/** Renders the shortcuts and waits for their code (it loads after hydration, as on the page). */
async function renderShortcuts(store = finishedRunStore()) {
  render(shortcutsTree(store));
  await waitFor(() => expect(document.querySelector('[data-shortcuts-loading]')).toBeNull());
  return { store, user: userEvent.setup() };
}

const characterKeysSwitch = () => screen.getByRole('switch', { name: 'Single-key shortcuts' });

describe('KeyboardShortcuts', () => {
  it('opens from its button with focus on Close, and gives focus back to the button when closed', async () => {
    const { user } = await renderShortcuts();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts (?)' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(screen.getByRole('row', { name: 'R Reset the run' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('opens with ? and closes with ? again, focus back where it was', async () => {
    const { user } = await renderShortcuts();
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });

  it('lets no other shortcut act while it is open', async () => {
    const { store, user } = await renderShortcuts();
    await user.keyboard('?');
    await user.keyboard('p');
    expect(store.getState().presenting).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.keyboard('p');
    expect(store.getState().presenting).toBe(true);
  });

  it('closes on a click on the backdrop, not on a click inside it', async () => {
    const { user } = await renderShortcuts();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    // jsdom lays nothing out (every box is 0×0 at the origin), so any point away from it is outside.
    await user.click(screen.getByRole('heading', { name: 'Keyboard shortcuts' }));
    expect(dialog).toHaveAttribute('open');
    fireEvent.pointerDown(screen.getByRole('heading', { name: 'Keyboard shortcuts' }));
    fireEvent.click(dialog, { clientX: 300, clientY: 300 }); // a drag from the text out onto the backdrop
    expect(dialog).toHaveAttribute('open');
    fireEvent.pointerDown(dialog, { clientX: 300, clientY: 300 });
    fireEvent.click(dialog, { clientX: 300, clientY: 300 });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('with single-key shortcuts on, Space, R, P and ? act', async () => {
    const { store, user } = await renderShortcuts();
    await user.keyboard(' ');
    expect(store.getState().cursor).toBe(3);
    await user.keyboard('p');
    expect(store.getState().presenting).toBe(true);
    await user.keyboard('r');
    expect(store.getState().status).toBe('idle');
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('switched off, Space, R, P and ? do nothing, while the arrows, Home and End still act', async () => {
    const { store, user } = await renderShortcuts();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts (?)' }));
    expect(characterKeysSwitch()).toHaveAttribute('aria-checked', 'true');
    await user.click(characterKeysSwitch());
    expect(characterKeysSwitch()).toHaveAttribute('aria-checked', 'false');
    expect(await screen.findByRole('dialog')).toHaveTextContent('When off, Space, R, P and ? do nothing');
    expect(screen.getByRole('dialog')).toHaveTextContent('→, ←, Home and End always work');
    expect(screen.getByRole('row', { name: /Reset the run/ })).toHaveTextContent('R (off)');
    expect(screen.getByRole('row', { name: /Back one step/ })).not.toHaveTextContent('(off)');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    (document.activeElement as HTMLElement).blur(); // Space on the focused help button would press it, shortcuts aside

    await user.keyboard(' rp?');
    expect(store.getState()).toMatchObject({ cursor: 2, status: 'closed', presenting: false });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().cursor).toBe(3);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(store.getState().cursor).toBe(1);
    await user.keyboard('{End}');
    expect(store.getState().cursor).toBeNull();
    await user.keyboard('{Home}');
    expect(store.getState().cursor).toBe(1);
  });

  it('drops "(?)" from its button while ? is off, so the name stays true', async () => {
    const { user } = await renderShortcuts();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts (?)' }));
    await user.click(characterKeysSwitch());
    await user.click(screen.getByRole('button', { name: 'Close' }));
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    expect(button).not.toHaveAttribute('aria-keyshortcuts');
    await user.click(button);
    await user.click(characterKeysSwitch());
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts (?)', hidden: true })).toHaveAttribute('aria-keyshortcuts', '?');
  });

  it('remembers the choice in localStorage, and reads a corrupt saved value as On', async () => {
    const { user } = await renderShortcuts();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts (?)' }));
    await user.click(characterKeysSwitch());
    expect(localStorage.getItem(SHORTCUTS_STORAGE_KEY)).toBe('off');
    await user.click(characterKeysSwitch());
    expect(localStorage.getItem(SHORTCUTS_STORAGE_KEY)).toBe('on');

    localStorage.setItem(SHORTCUTS_STORAGE_KEY, '{not json');
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: SHORTCUTS_STORAGE_KEY })));
    expect(characterKeysSwitch()).toHaveAttribute('aria-checked', 'true');
  });

  it('follows a change made in another tab', async () => {
    await renderShortcuts();
    localStorage.setItem(SHORTCUTS_STORAGE_KEY, 'off');
    act(() => void window.dispatchEvent(new StorageEvent('storage', { key: SHORTCUTS_STORAGE_KEY })));
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('acts on keys pressed before its key handling has arrived, in order', async () => {
    vi.resetModules(); // a first load: the key handling's code is not fetched yet
    const { KeyboardShortcuts: FirstLoad } = await import('./keyboard-shortcuts');
    const { LessonStoreProvider: Provider } = await import('../lesson/lesson-store-provider');
    const store = finishedRunStore();
    render(
      <Provider store={store}>
        <FirstLoad />
      </Provider>,
    );
    fireEvent.keyDown(document.body, { key: 'p' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(store.getState()).toMatchObject({ presenting: false, cursor: 2 }); // not yet handled
    await waitFor(() => expect(store.getState()).toMatchObject({ presenting: true, cursor: 3 }));
    fireEvent.keyDown(document.body, { key: 'ArrowRight' }); // and later keys once, not twice
    expect(store.getState().cursor).toBe(4);
  });

  it('opens the list for a click on its button made before its code arrived', async () => {
    vi.resetModules();
    const { KeyboardShortcuts: FirstLoad } = await import('./keyboard-shortcuts');
    const { LessonStoreProvider: Provider } = await import('../lesson/lesson-store-provider');
    render(
      <Provider store={finishedRunStore()}>
        <FirstLoad />
      </Provider>,
    );
    const waiting = screen.getByRole('button', { name: 'Keyboard shortcuts (?)' });
    expect(waiting).toHaveAttribute('data-shortcuts-loading');
    fireEvent.click(waiting);
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('renders On on the server and hydrates to the saved Off without a mismatch', () => {
    localStorage.setItem(SHORTCUTS_STORAGE_KEY, 'off');
    const store = finishedRunStore();
    const container = document.createElement('div');
    container.innerHTML = renderToString(shortcutsTree(store));
    document.body.append(container);
    expect(container).toHaveTextContent('Keyboard shortcuts (?)');

    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(shortcutsTree(store), { container, hydrate: true });
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).not.toHaveAttribute('aria-keyshortcuts');
  });
});
