import { validateDraft, type DraftResult } from '@/lib/stream/draft';
import { DEFAULT_PARAMS, type StreamParams } from '@/lib/stream/params';
import { expectedTrace } from '@/lib/trace/expected';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import type { StreamEvent, Trace } from '@/lib/trace/types';
import type { LessonState } from './lesson-store';

/** The events up to the cursor: all of them when following the live end. */
export function visibleEventCount(state: Pick<LessonState, 'events' | 'cursor'>): number {
  return state.cursor === null ? state.events.length : Math.min(state.cursor, state.events.length);
}

/**
 * Memoizes the observed trace. When the new events extend the ones last reduced (the live case),
 * only the new ones are reduced, so a batch costs its own size, not the whole stream's.
 */
function createTraceSelector() {
  let last: { params: StreamParams; events: readonly StreamEvent[]; count: number; trace: Trace } | null = null;
  return (state: Pick<LessonState, 'events' | 'cursor' | 'runParams'>): Trace | null => {
    const params = state.runParams;
    if (!params) return null;
    const count = visibleEventCount(state);
    const prefixMatches = (length: number) => length === 0 || last?.events[length - 1] === state.events[length - 1];
    const sameRun = last !== null && last.params === params;
    if (sameRun && last!.count === count && prefixMatches(count)) return last!.trace;
    const trace =
      sameRun && last!.count < count && prefixMatches(last!.count)
        ? reduceEvents(last!.trace, state.events.slice(last!.count, count))
        : reduceEvents(emptyTrace(params), state.events.slice(0, count));
    last = { params, events: state.events, count, trace };
    return trace;
  };
}

/** The trace the tables show: what was observed, or null before any run. */
export const selectObservedTrace = createTraceSelector();

/** The form checked by the route's rules. Memoized on the draft object. */
export const selectDraftResult = (() => {
  let last: { draft: LessonState['draft']; result: DraftResult } | null = null;
  return (state: Pick<LessonState, 'draft'>): DraftResult => {
    if (last?.draft !== state.draft) last = { draft: state.draft, result: validateDraft(state.draft) };
    return last.result;
  };
})();

/** The trace the lesson predicts for the form's current values (the last valid ones while invalid). */
export const selectExpectedTrace = (() => {
  let last: { params: StreamParams; trace: Trace } | null = null;
  return (params: StreamParams): Trace => {
    if (!last || !sameParams(last.params, params)) {
      last = { params, trace: expectedTrace(params) };
    }
    return last.trace;
  };
})();

/** The form's parameters when valid; otherwise the last run's, or the seed's. */
export function selectFormParams(state: Pick<LessonState, 'draft' | 'runParams'>): StreamParams {
  const draft = selectDraftResult(state);
  return draft.ok ? draft.params : (state.runParams ?? DEFAULT_PARAMS);
}

/** The trace the tables show: the live one once a run started, else the prediction for the form. */
export function selectDisplayedTrace(state: Pick<LessonState, 'draft' | 'runParams' | 'events' | 'cursor'>): Trace {
  return selectObservedTrace(state) ?? selectExpectedTrace(selectFormParams(state));
}

const sameParams = (a: StreamParams, b: StreamParams) => a.n === b.n && a.delayMs === b.delayMs && a.template === b.template;

/**
 * The trace the quiz asks about: the run just watched when it completed with the form's current
 * parameters, otherwise what the lesson predicts for them (questions follow the parameters).
 */
export function selectQuizTrace(state: Pick<LessonState, 'draft' | 'runParams' | 'events' | 'cursor'>): Trace {
  const params = selectFormParams(state);
  const observed = selectObservedTrace(state);
  if (observed && state.runParams && sameParams(state.runParams, params) && observed.rows.at(-1)?.kind === 'end') return observed;
  return selectExpectedTrace(params);
}

/** Whether a run is under way (Stop makes sense, Run does not). */
export const selectIsRunning = (state: Pick<LessonState, 'status'>) => state.status === 'connecting' || state.status === 'open';
