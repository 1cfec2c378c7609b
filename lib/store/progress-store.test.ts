import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/stream/params';
import { PROGRESS_STORAGE_KEY, PROGRESS_VERSION, createProgressStore, exportProgress } from './progress-store';

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
    expect(second.getState().history).toEqual([{ at: '2026-11-23T12:00:00.000Z', quiz: 'classic', correct: 3, total: 3, params: DEFAULT_PARAMS }]);
    expect(second.getState().notice).toBeNull();
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
    expect(JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!)).toEqual({ state: { history: [], mastery: {} }, version: PROGRESS_VERSION });
  });

  it('drops saved data of the wrong shape, with a notice', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify({ state: { history: 'lots' }, version: PROGRESS_VERSION }) });
    expect((await hydrated(storage)).getState().notice).toMatch(/could not be read/);
  });

  it('drops saved data from another version, with a notice', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify({ state: { history: [], mastery: {} }, version: 0 }) });
    expect((await hydrated(storage)).getState().notice).toMatch(/older version/);
  });

  it('resets progress and exports it as JSON', async () => {
    const store = await hydrated(memoryStorage());
    store.getState().actions.recordAnswer('frame-bytes', true);
    const exported = JSON.parse(exportProgress(store.getState(), new Date('2026-11-23T13:00:00Z')));
    expect(exported).toMatchObject({ app: 'Stepstream', exportedAt: '2026-11-23T13:00:00.000Z', mastery: { 'frame-bytes': { correct: 1, attempts: 1 } } });
    store.getState().actions.reset();
    expect(store.getState().mastery).toEqual({});
  });
});
