import type { QuestionKind } from '@/lib/quiz/types';
import type { StreamMode } from '@/lib/contract/params';

/** What a student's saved progress is: its shape, version and limits (the store and its checker both read it). */

/**
 * Bump when the saved shape or its meaning changes; older saves are dropped with a notice.
 * 2: scores and mastery count each question's first checked answer only (1 counted re-checks too).
 */
export const PROGRESS_VERSION = 2;
export const PROGRESS_STORAGE_KEY = 'stepstream-progress';
export const HISTORY_LIMIT = 100;
/** What the saved numbers count, written into every save and export so a reader knows. */
export const PROGRESS_SCORING = 'first-check-only';

export interface ScoreEntry {
  /** When the set was finished (ISO 8601). */
  at: string;
  quiz: 'classic' | number;
  correct: number;
  total: number;
  params: { n: number; delayMs: number; template: string; mode?: StreamMode };
}
export interface Mastery {
  correct: number;
  attempts: number;
}
/** Predict mode's tally over every run predicted: cells right, of cells predicted. */
export interface PredictionTally {
  right: number;
  predicted: number;
  runs: number;
}
export interface ProgressData {
  /** Each question's first checked answer is counted; practice after it is never saved. */
  scoring: typeof PROGRESS_SCORING;
  history: ScoreEntry[];
  mastery: Partial<Record<QuestionKind, Mastery>>;
  /** Absent until a run is predicted (saves from before predict mode have none). */
  predictions?: PredictionTally;
}
