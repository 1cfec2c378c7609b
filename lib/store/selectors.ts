import type { LessonView } from '@/lib/lesson/narration';
import { validateDraft, type DraftResult } from '@/lib/contract/draft';
import { DEFAULT_PARAMS, type StreamParams } from '@/lib/contract/params';
import { stepPosition, traceAtCursor, type Cursor } from '@/lib/trace/cursor';
import { expectedTrace } from '@/lib/trace/expected';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import type { ConnectionStatus, StreamEvent, Trace } from '@/lib/trace/types';
import type { LessonState } from './lesson-state';

export type TraceInputs = Pick<LessonState, 'draft' | 'runParams' | 'events' | 'cursor'>;

/*
 * Memos here are kept per object, in WeakMaps keyed by what the store holds (a draft, a run's
 * parameters, a trace), never in module-level "last value" variables: two stores, or two server
 * renders, never see each other's results, and a memo goes when its object does.
 */

/** The latest reduction of each run, keyed by the run's parameters object (one per Run). */
const observedByRun = new WeakMap<StreamParams, { events: readonly StreamEvent[]; trace: Trace }>();

/**
 * Everything observed in the current run, whatever the cursor; null before any run. When the
 * events extend the ones last reduced for this run (the live case: the store only appends), only
 * the new ones are reduced, so a batch costs its own size, not the whole stream's.
 */
export function selectObservedTrace(state: Pick<LessonState, 'events' | 'runParams'>): Trace | null {
  const params = state.runParams;
  if (!params) return null;
  const last = observedByRun.get(params);
  if (last?.events === state.events) return last.trace;
  const count = last?.events.length ?? 0;
  const extendsLast =
    last !== undefined && count <= state.events.length && (count === 0 || last.events[count - 1] === state.events[count - 1]);
  const trace = extendsLast ? reduceEvents(last.trace, state.events.slice(count)) : reduceEvents(emptyTrace(params), state.events);
  observedByRun.set(params, { events: state.events, trace });
  return trace;
}

const draftResults = new WeakMap<LessonState['draft'], DraftResult>();

/** The form checked by the route's rules, once per draft. */
export function selectDraftResult(state: Pick<LessonState, 'draft'>): DraftResult {
  let result = draftResults.get(state.draft);
  if (!result) draftResults.set(state.draft, (result = validateDraft(state.draft)));
  return result;
}

const expectedTraces = new WeakMap<StreamParams, Trace>();

/** The trace the lesson predicts for these parameters, once per parameters object. */
export function selectExpectedTrace(params: StreamParams): Trace {
  let trace = expectedTraces.get(params);
  if (!trace) expectedTraces.set(params, (trace = expectedTrace(params)));
  return trace;
}

/** The form's parameters when valid; otherwise the last run's, or the seed's. */
export function selectFormParams(state: Pick<LessonState, 'draft' | 'runParams'>): StreamParams {
  const draft = selectDraftResult(state);
  return draft.ok ? draft.params : (state.runParams ?? DEFAULT_PARAMS);
}

/** The whole trace on show: the live one once a run started, else the prediction for the form. */
export function selectFullTrace(state: TraceInputs): Trace {
  return selectObservedTrace(state) ?? selectExpectedTrace(selectFormParams(state));
}

const displayedTraces = new WeakMap<Trace, { cursor: Cursor; trace: Trace }>();

/** The trace at the cursor: what every panel shows, once per full trace and cursor. */
export function selectDisplayedTrace(state: TraceInputs): Trace {
  const full = selectFullTrace(state);
  const last = displayedTraces.get(full);
  if (last?.cursor === state.cursor) return last.trace;
  const trace = traceAtCursor(full, state.cursor);
  displayedTraces.set(full, { cursor: state.cursor, trace });
  return trace;
}

/** "Step N of M" for the timeline. */
export function selectStepPosition(state: TraceInputs): { shown: number; total: number } {
  return stepPosition(selectFullTrace(state), state.cursor);
}

/** Whether the panels show an earlier moment than the latest one. */
export const selectIsReplaying = (state: TraceInputs) => {
  const { shown, total } = selectStepPosition(state);
  return shown < total;
};

/** Which view the panels show: the model's prediction (no run yet), the live run, or a replay of it. */
export function selectLessonView(state: TraceInputs): LessonView {
  if (selectObservedTrace(state) === null) return 'prediction';
  return selectIsReplaying(state) ? 'replay' : 'live';
}

/**
 * The connection as the panels show it: the live status at the live end; during a replay, as the
 * row at the cursor left it; and for a prediction always idle, since nothing is connected.
 */
export function selectStatusOnShow(state: TraceInputs & Pick<LessonState, 'status'>): ConnectionStatus {
  const view = selectLessonView(state);
  if (view === 'prediction') return 'idle';
  if (view === 'live') return state.status;
  const row = selectDisplayedTrace(state).rows.at(-1);
  if (!row) return 'idle';
  if (row.kind === 'error') return 'error';
  return row.connection === 'Open' ? 'open' : 'closed';
}

/** Whether a run is under way (Stop makes sense, Run does not). */
export const selectIsRunning = (state: Pick<LessonState, 'status'>) => state.status === 'connecting' || state.status === 'open';
