import { toStreamQuery } from '@/lib/contract/stream-query';
import type { StreamParams } from '@/lib/contract/params';
import type { Trace } from '@/lib/trace/types';
import { selectExpectedTrace, selectFormParams, selectObservedTrace, type TraceInputs } from './selectors';

/* The quiz's selector, apart from the page's (selectors.ts) because it loads with the quiz. */

/** Whether two sets of parameters ask the server for the same stream: the same query, parameter for parameter. */
const sameParams = (a: StreamParams, b: StreamParams) => toStreamQuery(a).toString() === toStreamQuery(b).toString();

/**
 * The trace the quiz asks about: the run just watched when it completed with the form's current
 * parameters, otherwise what the lesson predicts for them (questions follow the parameters).
 */
export function selectQuizTrace(state: TraceInputs): Trace {
  const params = selectFormParams(state);
  const observed = selectObservedTrace(state);
  if (observed && state.runParams && sameParams(state.runParams, params) && observed.rows.at(-1)?.kind === 'end') return observed;
  return selectExpectedTrace(params);
}
