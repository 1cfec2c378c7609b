import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { QuestionKind } from '@/lib/quiz/types';

/** Bump when the saved shape changes; older saves are dropped with a notice (there is no older shape yet). */
export const PROGRESS_VERSION = 1;
export const PROGRESS_STORAGE_KEY = 'stepstream-progress';
export const HISTORY_LIMIT = 100;

export interface ScoreEntry {
  /** When the set was finished (ISO 8601). */
  at: string;
  quiz: 'classic' | number;
  correct: number;
  total: number;
  params: { n: number; delayMs: number; template: string; mode?: 'timed' | 'step' };
}
export interface Mastery {
  correct: number;
  attempts: number;
}
export interface ProgressData {
  history: ScoreEntry[];
  mastery: Partial<Record<QuestionKind, Mastery>>;
}

export interface ProgressState extends ProgressData {
  /** Set when saved progress could not be used and was dropped; shown to the person once. */
  notice: string | null;
  actions: {
    recordAnswer: (kind: QuestionKind, correct: boolean) => void;
    recordScore: (entry: Omit<ScoreEntry, 'at'>) => void;
    reset: () => void;
    dismissNotice: () => void;
  };
}

export interface ProgressStoreOptions {
  storage?: Storage;
  now?: () => Date;
}

const EMPTY: ProgressData = { history: [], mastery: {} };
const UNREADABLE = Symbol('unreadable');

/**
 * JSON in `localStorage`, checked against the saved shape (zod, loaded only now, after the page is
 * up). Anything unusable comes back as a marker instead of throwing, so `merge` can drop it with a
 * notice rather than leave hydration half done.
 */
function tolerantStorage(storage: () => Storage | undefined): PersistStorage<ProgressData> {
  const unreadable = { state: UNREADABLE as unknown as ProgressData, version: PROGRESS_VERSION };
  return {
    getItem: async (name) => {
      const raw = storage()?.getItem(name);
      if (raw == null) return null;
      let saved: StorageValue<ProgressData>;
      try {
        saved = JSON.parse(raw) as StorageValue<ProgressData>;
      } catch {
        return unreadable;
      }
      if (saved?.version !== PROGRESS_VERSION) return saved; // `migrate` drops it, with its own notice
      const { isProgressData } = await import('./progress-schema');
      return isProgressData(saved.state) ? saved : unreadable;
    },
    setItem: (name, value) => storage()?.setItem(name, JSON.stringify(value)),
    removeItem: (name) => storage()?.removeItem(name),
  };
}

/** Saved quiz progress: score history and mastery per question kind, in localStorage. */
export function createProgressStore(options: ProgressStoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const storage = () => options.storage ?? (typeof window === 'undefined' ? undefined : window.localStorage);
  return createStore<ProgressState>()(
    persist(
      (set) => ({
        ...EMPTY,
        notice: null,
        actions: {
          recordAnswer: (kind, correct) =>
            set((state) => {
              const before = state.mastery[kind] ?? { correct: 0, attempts: 0 };
              return { mastery: { ...state.mastery, [kind]: { correct: before.correct + (correct ? 1 : 0), attempts: before.attempts + 1 } } };
            }),
          recordScore: (entry) => set((state) => ({ history: [...state.history, { ...entry, at: now().toISOString() }].slice(-HISTORY_LIMIT) })),
          reset: () => set({ ...EMPTY }),
          dismissNotice: () => set({ notice: null }),
        },
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: tolerantStorage(storage),
        partialize: ({ history, mastery }) => ({ history, mastery }),
        // Hydrated by the page after it mounts, so the server's HTML and the first render agree.
        skipHydration: true,
        migrate: (_persisted, version) => ({ droppedVersion: version }) as unknown as ProgressData,
        merge: (persisted, current) => {
          if (persisted === undefined || persisted === null) return current; // nothing saved yet
          if (persisted && typeof persisted === 'object' && 'droppedVersion' in persisted) {
            return { ...current, ...EMPTY, notice: 'Your saved quiz progress came from an older version of Stepstream and was reset.' };
          }
          if (persisted === UNREADABLE) {
            return { ...current, ...EMPTY, notice: 'Your saved quiz progress could not be read and was reset.' };
          }
          const { history, mastery } = persisted as ProgressData;
          return { ...current, history, mastery };
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

/** Everything saved, as a JSON document a person can keep or hand in. */
export function exportProgress(progress: ProgressData, exportedAt: Date): string {
  return JSON.stringify({ app: 'Stepstream', version: PROGRESS_VERSION, exportedAt: exportedAt.toISOString(), history: progress.history, mastery: progress.mastery }, null, 2);
}
