import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLessonStore } from '@/lib/store/lesson-store';
import { selectDisplayedTrace, selectLessonView, selectStatusOnShow, selectStepPosition } from '@/lib/store/selectors';
import { selectNarration } from '@/lib/store/select-narration';
import { draftFromParams } from '@/lib/contract/draft';
import type { StreamParams } from '@/lib/contract/params';
import { expectedEvents } from '@/lib/trace/expected';
import { pythonStringLiteral } from '@/lib/trace/format';
import { framesSent } from '@/lib/trace/reduce';
import type { StreamEvent } from '@/lib/trace/types';
import { narrationText } from './narration';
import { timelineLabel, wireCaption } from './stage-text';

const params = fc.record({
  n: fc.integer({ min: 1, max: 6 }),
  delayMs: fc.constantFrom(0, 100, 250, 1000),
  template: fc.constantFrom('Message {i}', 'tick {i}', 'a\nb {i}', "it's {i}"),
  mode: fc.constantFrom<StreamParams['mode']>(undefined, 'step'),
});

/** A run as the page can hold one: nothing yet, under way, finished, stopped or failed part-way. */
const run = params.chain((p) =>
  fc.record({
    params: fc.constant(p),
    ran: fc.boolean(),
    kept: fc.integer({ min: 0, max: p.n + 2 }),
    ending: fc.constantFrom('none', 'complete', 'stopped', 'error'),
    cursor: fc.option(fc.integer({ min: 1, max: p.n + 2 }), { nil: null }),
  }),
);

interface RunInput {
  params: StreamParams;
  ran: boolean;
  /** How many of the run's events arrived before it ended (or before now). */
  kept: number;
  ending: 'none' | 'complete' | 'stopped' | 'error';
  cursor: number | null;
}

/** The store in the state such a run leaves it. */
function storeFor({ params: p, ran, kept, ending, cursor }: RunInput) {
  const store = createLessonStore({ draft: draftFromParams(p) });
  if (!ran) {
    store.setState({ cursor });
    return store;
  }
  const events: StreamEvent[] = expectedEvents(p)
    .slice(0, kept)
    .filter((event) => event.type !== 'end');
  const atMs = events.at(-1)?.atMs ?? 0;
  if (ending === 'complete') events.push({ type: 'end', atMs, reason: 'complete' });
  if (ending === 'stopped') events.push({ type: 'end', atMs, reason: 'stopped' });
  if (ending === 'error') events.push({ type: 'error', atMs, message: 'the stream reached its time limit' });
  const status = ending === 'none' ? (events.length > 0 ? 'open' : 'connecting') : ending === 'error' ? 'error' : 'closed';
  store.setState({ runParams: p, events, status, cursor });
  return store;
}

describe('every text the stage shows about a run agrees with the trace at the cursor', () => {
  it('holds for random parameters, runs and cursors', () => {
    fc.assert(
      fc.property(run, (input) => {
        const state = storeFor(input).getState();
        const view = selectLessonView(state);
        const trace = selectDisplayedTrace(state);
        const { shown, total } = selectStepPosition(state);
        const status = selectStatusOnShow(state);
        const row = trace.rows.at(-1);
        const narration = narrationText(selectNarration(state));
        const caption = wireCaption({
          view,
          status,
          params: trace.params,
          row,
          lastFrame: framesSent(trace.rows) >= trace.params.n,
          sleepLeftMs: null,
        });
        const label = timelineLabel(view, state.cursor !== null, shown, total);

        // Nothing ran: no connection, no recording, and the prediction is called one.
        if (!input.ran) {
          expect(view).toBe('prediction');
          expect(status).toBe('idle');
          expect(caption).toBe('nothing connected yet');
          expect(label).toMatch(/^Predicted/);
          expect(narration).not.toMatch(/Replay|connection is open|keeps the connection open/);
          if (state.cursor !== null && shown < total)
            expect(narration).toMatch(new RegExp(`^Not run yet — predicted step ${row!.step} of ${total}: `));
          return;
        }
        // A run: the timeline, the narration and the connection all name the row at the cursor.
        expect(label).toBe(`Step ${shown} of ${total}`);
        expect(view).toBe(shown < total ? 'replay' : 'live');
        if (!row) {
          expect(narration).toMatch(/^Request sent/);
          return;
        }
        expect(shown).toBe(row.step);
        if (view === 'replay') {
          expect(narration).toMatch(new RegExp(`^Replay, step ${row.step} of ${total}: `));
          expect(status).toBe(row.kind === 'error' ? 'error' : row.connection === 'Open' ? 'open' : 'closed');
          expect(narration).not.toMatch(/keeps the connection open|press Step/); // the past, not the present
        } else {
          expect(narration).toMatch(new RegExp(`^Step ${row.step}: `));
          expect(status).toBe(state.status);
        }
        if (row.kind === 'yield') expect(narration).toContain(`yield sent ${pythonStringLiteral(row.dataSent!)} (i = ${row.i})`);
        if (row.kind === 'end') expect(narration).toContain(`range(${trace.params.n})`);
        if (row.kind === 'stopped') expect(narration).toContain('Stop');
        if (row.kind === 'error') expect(narration).toContain('the stream failed');
        // Under the wire: a held frame or a sleep only while the connection is open, and a
        // recording never speaks of the present.
        if (status !== 'open' || view === 'replay') expect(caption).not.toMatch(/next yield|holds/);
        if (status === 'closed') expect(caption).toMatch(/ended|hung up/);
      }),
      { numRuns: 500 },
    );
  });
});
