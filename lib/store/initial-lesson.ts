import { DEFAULT_DRAFT } from '@/lib/contract/draft';
import type { WireLog } from '@/lib/lab/wire-log';
import type { LessonState, LessonStoreOptions } from './lesson-state';

/** A run's wire log before anything was read (here rather than in wire-log.ts, which loads with the stream lab). */
export const EMPTY_WIRE_LOG: WireLog = { chunks: [], items: [], dropped: 0 };

/**
 * What a new lesson store holds, before anything has happened: a pure function of its options.
 * The store starts from it, and a Server Component that must render what the first screen will
 * show (the narration before hydration) reads it without making a store.
 */
export function initialLessonData(options: LessonStoreOptions = {}): Omit<LessonState, 'actions'> {
  return {
    draft: { ...(options.draft ?? DEFAULT_DRAFT) },
    showAllErrors: false,
    status: 'idle',
    runParams: null,
    events: [],
    cursor: options.cursor ?? null,
    stepStreamId: null,
    highlight: null,
    presenting: options.presenting ?? false,
    audience: options.audience ?? 'self',
    transport: options.transport ?? 'fetch',
    closeAfterLast: options.closeAfterLast ?? false,
    runTransport: null,
    wire: EMPTY_WIRE_LOG,
  };
}
