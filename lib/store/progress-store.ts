import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { QuestionKind } from '@/lib/quiz/types';
import {
  HISTORY_LIMIT,
  PROGRESS_SCORING,
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  type ProgressData,
  type ScoreEntry,
} from './progress-data';

export interface ProgressState extends ProgressData {
  /** Set when saved progress could not be used and was dropped; shown to the person once. */
  notice: string | null;
  actions: {
    recordAnswer: (kind: QuestionKind, correct: boolean) => void;
    recordScore: (entry: Omit<ScoreEntry, 'at'>) => void;
    /** Adds one predicted run's tally (predict mode). */
    recordPredictions: (run: { right: number; predicted: number }) => void;
    reset: () => void;
    dismissNotice: () => void;
    /** Takes up what another tab saved (on its `storage` event); unusable saves are left for our next write. */
    syncFromStorage: () => void;
  };
}

export interface ProgressStoreOptions {
  storage?: Storage;
  now?: () => Date;
}

const EMPTY: ProgressData = { scoring: PROGRESS_SCORING, history: [], mastery: {} };
const UNREADABLE = Symbol('unreadable');
const OLD_VERSION_NOTICE: Record<number, string> = {
  1: 'Your saved quiz progress was reset: it came from an older version of Stepstream, which also counted answers checked again after the first.',
};

type IsProgressData = (value: unknown) => value is ProgressData;

/** What is saved under our key right now: progress this version can use, nothing, or something else. */
function readSaved(raw: string | null | undefined, isProgressData: IsProgressData): ProgressData | 'none' | 'unusable' {
  if (raw == null) return 'none';
  try {
    const saved = JSON.parse(raw) as StorageValue<unknown>;
    return saved?.version === PROGRESS_VERSION && isProgressData(saved.state) ? saved.state : 'unusable';
  } catch {
    return 'unusable';
  }
}

/**
 * JSON in `localStorage`, checked against the saved shape (zod, loaded only now, after the page is
 * up). Anything unusable comes back as a marker instead of throwing, so `merge` can drop it with a
 * notice rather than leave hydration half done. `readNow` reads synchronously for the actions,
 * once the checker has loaded.
 */
function tolerantStorage(storage: () => Storage | undefined) {
  const unreadable = { state: UNREADABLE as unknown as ProgressData, version: PROGRESS_VERSION };
  let isProgressData: IsProgressData | undefined;
  const persistStorage: PersistStorage<ProgressData> = {
    getItem: async (name) => {
      // Loaded even when nothing is saved yet: the actions need it to read what other tabs save.
      isProgressData ??= (await import('./progress-schema')).isProgressData;
      const raw = storage()?.getItem(name);
      if (raw == null) return null;
      let saved: StorageValue<ProgressData>;
      try {
        saved = JSON.parse(raw) as StorageValue<ProgressData>;
      } catch {
        return unreadable;
      }
      if (saved?.version !== PROGRESS_VERSION) return saved; // `migrate` drops it, with its own notice
      return isProgressData(saved.state) ? saved : unreadable;
    },
    setItem: (name, value) => {
      const json = JSON.stringify(value);
      // Unchanged (we just took it up from another tab): writing it again would only echo back.
      if (storage()?.getItem(name) !== json) storage()?.setItem(name, json);
    },
    removeItem: (name) => storage()?.removeItem(name),
  };
  const readNow = () => (isProgressData ? readSaved(storage()?.getItem(PROGRESS_STORAGE_KEY), isProgressData) : 'unusable');
  return { persistStorage, readNow };
}

/** One scored answer added to the mastery of its kind. */
function withAnswer(mastery: ProgressData['mastery'], kind: QuestionKind, correct: boolean): ProgressData['mastery'] {
  const before = mastery[kind] ?? { correct: 0, attempts: 0 };
  return { ...mastery, [kind]: { correct: before.correct + (correct ? 1 : 0), attempts: before.attempts + 1 } };
}

/**
 * Saved quiz progress: score history and mastery per question kind, in localStorage.
 *
 * Several tabs share one save. Each change is applied to what is saved now, re-read at that moment,
 * not to this tab's copy, which may be behind: so a tab adds its answer to another tab's instead of
 * overwriting it, and nothing is counted twice. `watchOtherTabs` keeps the copy on screen current.
 * (localStorage has no transactions: two tabs writing in the same instant could still race, which
 * a person clicking in one tab at a time does not do.)
 */
export function createProgressStore(options: ProgressStoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const storage = () => options.storage ?? (typeof window === 'undefined' ? undefined : window.localStorage);
  const { persistStorage, readNow } = tolerantStorage(storage);
  /** The saved progress if usable, else this tab's own (storage unavailable, or junk our write replaces). */
  const latest = (state: ProgressData): ProgressData => {
    const saved = readNow();
    return typeof saved === 'object'
      ? saved
      : { scoring: PROGRESS_SCORING, history: state.history, mastery: state.mastery, predictions: state.predictions };
  };
  return createStore<ProgressState>()(
    persist(
      (set) => ({
        ...EMPTY,
        notice: null,
        actions: {
          recordAnswer: (kind, correct) =>
            set((state) => {
              const base = latest(state);
              return { ...base, mastery: withAnswer(base.mastery, kind, correct) };
            }),
          recordScore: (entry) =>
            set((state) => {
              const base = latest(state);
              return { ...base, history: [...base.history, { ...entry, at: now().toISOString() }].slice(-HISTORY_LIMIT) };
            }),
          recordPredictions: ({ right, predicted }) =>
            set((state) => {
              const base = latest(state);
              const before = base.predictions ?? { right: 0, predicted: 0, runs: 0 };
              return {
                ...base,
                predictions: { right: before.right + right, predicted: before.predicted + predicted, runs: before.runs + 1 },
              };
            }),
          reset: () => set({ ...EMPTY, predictions: undefined }),
          dismissNotice: () => set((state) => ({ ...latest(state), notice: null })),
          syncFromStorage: () => {
            const saved = readNow();
            if (saved === 'none') set({ ...EMPTY, predictions: undefined });
            else if (saved !== 'unusable') set({ predictions: undefined, ...saved });
          },
        },
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: persistStorage,
        partialize: ({ scoring, history, mastery, predictions }) => ({
          scoring,
          history,
          mastery,
          ...(predictions ? { predictions } : {}),
        }),
        // Hydrated by the page after it mounts, so the server's HTML and the first render agree.
        skipHydration: true,
        migrate: (_persisted, version) => ({ droppedVersion: version }) as unknown as ProgressData,
        merge: (persisted, current) => {
          if (persisted === undefined || persisted === null) return current; // nothing saved yet
          if (persisted && typeof persisted === 'object' && 'droppedVersion' in persisted) {
            const notice =
              OLD_VERSION_NOTICE[persisted.droppedVersion as number] ??
              'Your saved quiz progress came from an older version of Stepstream and was reset.';
            return { ...current, ...EMPTY, notice };
          }
          if (persisted === UNREADABLE) {
            return { ...current, ...EMPTY, notice: 'Your saved quiz progress could not be read and was reset.' };
          }
          const { history, mastery, predictions } = persisted as ProgressData;
          return { ...current, history, mastery, predictions };
        },
        onRehydrateStorage: () => (state) => {
          // Overwrite what could not be used, so the notice shows once, not on every visit.
          if (state?.notice) state.actions.reset();
        },
      },
    ),
  );
}

export type ProgressStore = ReturnType<typeof createProgressStore>;

/**
 * Follows saved progress changed by other tabs: the browser fires `storage` in every other tab
 * that shares the save (never in the one that wrote). Returns the unsubscribe.
 */
export function watchOtherTabs(
  store: ProgressStore,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const onStorage = (event: Event) => {
    const { key } = event as StorageEvent;
    if (key === PROGRESS_STORAGE_KEY || key === null) store.getState().actions.syncFromStorage(); // null: storage cleared
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}

/** Everything saved, as a JSON document a person can keep or hand in. */
export function exportProgress(progress: ProgressData, exportedAt: Date): string {
  const { scoring, history, mastery, predictions } = progress;
  return JSON.stringify(
    { app: 'Stepstream', version: PROGRESS_VERSION, exportedAt: exportedAt.toISOString(), scoring, history, mastery, predictions },
    null,
    2,
  );
}
