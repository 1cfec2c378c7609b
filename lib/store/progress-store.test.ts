import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { PROGRESS_SCORING, PROGRESS_STORAGE_KEY, PROGRESS_VERSION } from './progress-data';
import { createProgressStore, exportProgress, watchOtherTabs } from './progress-store';

/** A Storage backed by a Map, as localStorage behaves. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/**
 * Tabs of one browser: one localStorage, and each write that changes it fires `storage` in every
 * other tab. A browser queues those events as tasks; here they wait for `deliverEvents()`.
 */
function browser() {
  const shared = memoryStorage();
  const tabs: EventTarget[] = [];
  const queued: Array<() => void> = [];
  const tab = () => {
    const events = new EventTarget();
    tabs.push(events);
    const announce = (key: string | null) => {
      for (const other of tabs) if (other !== events) queued.push(() => other.dispatchEvent(Object.assign(new Event('storage'), { key })));
    };
    const storage: Storage = {
      get length() {
        return shared.length;
      },
      key: (index) => shared.key(index),
      getItem: (key) => shared.getItem(key),
      setItem: (key, value) => {
        const changed = shared.getItem(key) !== value;
        shared.setItem(key, value);
        if (changed) announce(key);
      },
      removeItem: (key) => {
        shared.removeItem(key);
        announce(key);
      },
      clear: () => {
        shared.clear();
        announce(null);
      },
    };
    return { storage, events };
  };
  const deliverEvents = () => {
    while (queued.length > 0) queued.shift()!();
  };
  return { shared, tab, deliverEvents, pending: () => queued.length };
}

async function openTab(tab: { storage: Storage; events: EventTarget }) {
  const store = await hydrated(tab.storage);
  watchOtherTabs(store, tab.events);
  return store;
}

async function hydrated(storage: Storage) {
  const store = createProgressStore({ storage, now: () => new Date('2026-11-23T12:00:00Z') });
  await store.persist.rehydrate();
  return store;
}

describe('createProgressStore', () => {
  it('keeps score history and mastery across a reload', async () => {
    const storage = memoryStorage();
    const first = await hydrated(storage);
    first.getState().actions.recordAnswer('close-step', true);
    first.getState().actions.recordAnswer('close-step', false);
    first.getState().actions.recordScore({ quiz: 'classic', correct: 3, total: 3, params: { ...DEFAULT_PARAMS } });

    const second = await hydrated(storage);
    expect(second.getState().mastery).toEqual({ 'close-step': { correct: 1, attempts: 2 } });
    expect(second.getState().history).toEqual([
      { at: '2026-11-23T12:00:00.000Z', quiz: 'classic', correct: 3, total: 3, params: DEFAULT_PARAMS },
    ]);
    expect(second.getState().notice).toBeNull();
  });

  it('adds up predicted runs across reloads and other stores, and reads a save from before predict mode', async () => {
    const storage = memoryStorage();
    const first = await hydrated(storage);
    expect(first.getState().predictions).toBeUndefined();
    first.getState().actions.recordPredictions({ right: 4, predicted: 5 });
    const other = await hydrated(storage); // the quiz's own store, in the same page
    other.getState().actions.recordAnswer('close-step', true);
    other.getState().actions.recordPredictions({ right: 1, predicted: 4 });
    const reloaded = await hydrated(storage);
    expect(reloaded.getState().predictions).toEqual({ right: 5, predicted: 9, runs: 2 });
    expect(reloaded.getState().mastery).toEqual({ 'close-step': { correct: 1, attempts: 1 } });
    reloaded.getState().actions.reset();
    expect((await hydrated(storage)).getState().predictions).toBeUndefined();
  });

  it('starts empty, with no notice, when nothing was saved', async () => {
    const store = await hydrated(memoryStorage());
    expect(store.getState()).toMatchObject({ history: [], mastery: {}, notice: null });
  });

  it('drops saved data that is not JSON, with a notice, and overwrites it', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: '{not json' });
    const store = await hydrated(storage);
    expect(store.getState().notice).toMatch(/could not be read and was reset/);
    expect(store.getState().history).toEqual([]);
    expect(JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!)).toEqual({
      state: { scoring: PROGRESS_SCORING, history: [], mastery: {} },
      version: PROGRESS_VERSION,
    });
  });

  it('drops saved data of the wrong shape, with a notice', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify({ state: { history: 'lots' }, version: PROGRESS_VERSION }) });
    expect((await hydrated(storage)).getState().notice).toMatch(/could not be read/);
  });

  it('drops saved data from another version, with a notice', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify({ state: { history: [], mastery: {} }, version: 0 }) });
    expect((await hydrated(storage)).getState().notice).toMatch(/older version/);
  });

  it('drops a version 1 save, which counted re-checked answers, and says so', async () => {
    const v1 = { state: { history: [], mastery: { 'close-step': { correct: 2, attempts: 2 } } }, version: 1 };
    const store = await hydrated(memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(v1) }));
    expect(store.getState().notice).toMatch(/older version of Stepstream, which also counted answers checked again after the first/);
    expect(store.getState().mastery).toEqual({});
  });

  it('says in every save that it counts first checked answers only', async () => {
    const storage = memoryStorage();
    (await hydrated(storage)).getState().actions.recordAnswer('close-step', true);
    expect(JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!)).toMatchObject({ state: { scoring: 'first-check-only' }, version: 2 });
  });

  it('resets progress and exports it as JSON', async () => {
    const store = await hydrated(memoryStorage());
    store.getState().actions.recordAnswer('frame-bytes', true);
    const exported = JSON.parse(exportProgress(store.getState(), new Date('2026-11-23T13:00:00Z')));
    expect(exported).toMatchObject({
      app: 'Stepstream',
      exportedAt: '2026-11-23T13:00:00.000Z',
      scoring: 'first-check-only',
      mastery: { 'frame-bytes': { correct: 1, attempts: 1 } },
    });
    store.getState().actions.reset();
    expect(store.getState().mastery).toEqual({});
  });
});

describe('two tabs sharing one save', () => {
  const seed = { quiz: 'classic' as const, params: { ...DEFAULT_PARAMS } };

  it("keep both tabs' history and add up their mastery, even when a tab has not heard of the other's writes", async () => {
    const { shared, tab } = browser(); // events never delivered: each tab's copy is as stale as it can be
    const a = await openTab(tab());
    const b = await openTab(tab());
    for (const correct of [true, true, true]) a.getState().actions.recordAnswer('close-step', correct);
    a.getState().actions.recordScore({ ...seed, correct: 3, total: 3 });
    b.getState().actions.recordAnswer('close-step', false);
    b.getState().actions.recordAnswer('frame-bytes', true);
    b.getState().actions.recordScore({ ...seed, quiz: 7, correct: 1, total: 2 });

    const reloaded = await hydrated(shared);
    expect(reloaded.getState().history.map((entry) => [entry.quiz, entry.correct, entry.total])).toEqual([
      ['classic', 3, 3],
      [7, 1, 2],
    ]);
    expect(reloaded.getState().mastery).toEqual({ 'close-step': { correct: 3, attempts: 4 }, 'frame-bytes': { correct: 1, attempts: 1 } });
  });

  it('show what the other tab saved once its storage event arrives, and count nothing twice', async () => {
    const { shared, tab, deliverEvents } = browser();
    const a = await openTab(tab());
    const b = await openTab(tab());
    a.getState().actions.recordAnswer('close-step', true);
    a.getState().actions.recordScore({ ...seed, correct: 1, total: 1 });
    expect(b.getState().history).toEqual([]);
    deliverEvents();
    expect(b.getState().history).toHaveLength(1);
    expect(b.getState().mastery).toEqual({ 'close-step': { correct: 1, attempts: 1 } });

    b.getState().actions.recordAnswer('close-step', false);
    deliverEvents();
    const expected = { 'close-step': { correct: 1, attempts: 2 } };
    expect(a.getState().mastery).toEqual(expected);
    expect(b.getState().mastery).toEqual(expected);
    expect((await hydrated(shared)).getState().mastery).toEqual(expected);
  });

  it("never undo the other tab's answers by dismissing a notice, and take up a reset made elsewhere", async () => {
    const { shared, tab, deliverEvents } = browser();
    shared.setItem(PROGRESS_STORAGE_KEY, '{not json');
    const b = await openTab(tab());
    expect(b.getState().notice).toMatch(/could not be read/);
    const a = await openTab(tab());
    deliverEvents();
    a.getState().actions.recordAnswer('rows-for-range', true);
    b.getState().actions.dismissNotice(); // before a's event reaches b
    expect((await hydrated(shared)).getState().mastery).toEqual({ 'rows-for-range': { correct: 1, attempts: 1 } });

    a.getState().actions.reset();
    deliverEvents();
    expect(b.getState().mastery).toEqual({});
  });

  it('leave an unusable save from elsewhere alone until their next write replaces it', async () => {
    const { shared, tab, deliverEvents } = browser();
    const a = await openTab(tab());
    const other = tab();
    a.getState().actions.recordAnswer('frame-bytes', true);
    other.storage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify({ state: { something: 'else' }, version: 99 }));
    deliverEvents();
    expect(a.getState().mastery).toEqual({ 'frame-bytes': { correct: 1, attempts: 1 } });
    a.getState().actions.recordAnswer('frame-bytes', false);
    expect((await hydrated(shared)).getState().mastery).toEqual({ 'frame-bytes': { correct: 1, attempts: 2 } });
  });
});
