import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLessonStore } from '@/lib/store/lesson-store';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { LessonStoreProvider } from './lesson-store-provider';

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

function renderShortcuts() {
  const store = createLessonStore();
  render(
    <LessonStoreProvider store={store}>
      <button type="button">Elsewhere</button>
      <KeyboardShortcuts />
    </LessonStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}

describe('KeyboardShortcuts', () => {
  it('opens from its button with focus on Close, and gives focus back to the button when closed', async () => {
    const { user } = renderShortcuts();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts (?)' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(screen.getByRole('row', { name: 'R Reset the run' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('opens with ? and closes with ? again, focus back where it was', async () => {
    const { user } = renderShortcuts();
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });

  it('lets no other shortcut act while it is open', async () => {
    const { store, user } = renderShortcuts();
    await user.keyboard('?');
    await user.keyboard('p');
    expect(store.getState().presenting).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.keyboard('p');
    expect(store.getState().presenting).toBe(true);
  });

  it('closes on a click on the backdrop, not on a click inside it', async () => {
    const { user } = renderShortcuts();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
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
});
