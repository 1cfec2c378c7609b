/** The stream's parameters: their shape, limits and defaults. */
/** What the generator is asked to do: `for i in range(n)`, yield the template, sleep `delayMs`. */
export interface StreamParams {
  /** How many frames: the seed's `range(3)`. */
  n: number;
  /** The sleep after every yield, in milliseconds: the seed's `time.sleep(1)`. */
  delayMs: number;
  /** The message; every `{i}` becomes the loop variable. The seed's `Message {i}`. */
  template: string;
  /** `step`: every sleep waits for the presenter's Step instead of a timer. `predict`: every sleep runs, then the generator is held until the student's Reveal. Absent means timed. */
  mode?: StreamMode;
  // The wire options below change how the frames travel, never what the generator yields. Each is
  // absent at its default, so the seed's parameters stay `{n, delayMs, template}`.
  /** `ids=1`: every frame carries `id: i` (`<stream-id>/<i>` in step mode). `end: '204'` implies it: see `hasEventIds`. */
  ids?: boolean;
  /** `retry=MS`: a `retry: MS` block first, before anything else the stream sends (the client's reconnection delay). */
  retryMs?: number;
  /** `end=`: what follows the generator's end. Absent means `close`, the seed's. */
  end?: StreamEnd;
  /** `dropAfter=K`: fault injection; the server cuts the connection right after frame K (never on a resumed request). */
  dropAfter?: number;
  /** `buffer=K`: the server holds frames and writes them K at a time, as a buffering proxy would. Absent means 1: no buffering. */
  buffer?: number;
}

export const STREAM_MODES = ['timed', 'step', 'predict'] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

/**
 * How a stream ends: `close` just ends (the seed; an `EventSource` reconnects and starts again),
 * `event` sends a last `event: end` frame first, `204` answers the reconnect after the last frame
 * with `204 No Content`, which an `EventSource` takes as "stop".
 */
export const STREAM_ENDS = ['close', 'event', '204'] as const;
export type StreamEnd = (typeof STREAM_ENDS)[number];

/** Whether the generator's sleeps wait for a presenter (instead of sleeping). */
export const isStepMode = (params: Pick<StreamParams, 'mode'>) => params.mode === 'step';

/** Whether the generator is held before each frame until this client lets it go: step mode, and predict mode (which sleeps first). */
export const isHeldMode = (params: Pick<StreamParams, 'mode'>) => params.mode === 'step' || params.mode === 'predict';

/** Predict mode: the real sleeps, then the generator held before each frame until the student's Reveal. */
export const isPredictMode = (params: Pick<StreamParams, 'mode'>) => params.mode === 'predict';

export const N_MIN = 1;
export const N_MAX = 10_000;
export const DELAY_MS_MIN = 0;
export const DELAY_MS_MAX = 10_000;
export const TEMPLATE_MIN_CHARS = 1;
export const TEMPLATE_MAX_CHARS = 200;
export const RETRY_MS_MIN = 0;
export const RETRY_MS_MAX = 60_000;
export const BUFFER_MIN = 1;
export const BUFFER_MAX = 1000;

/**
 * Whether frames carry `id:` fields: asked for (`ids=1`), or implied by `end=204`, which needs the
 * reconnect's `Last-Event-ID` to tell a finished stream from one cut short.
 */
export const hasEventIds = (params: Pick<StreamParams, 'ids' | 'end'>) => params.ids === true || params.end === '204';

/** The seed's generator: three messages, one second apart. */
export const DEFAULT_PARAMS: Readonly<StreamParams> = Object.freeze({ n: 3, delayMs: 1000, template: 'Message {i}' });

/**
 * The query parameter names of `GET /api/stream`, in the order errors are reported. `lastEventId`
 * is the query's twin of the `Last-Event-ID` header (`event-id.ts`), for a client that uses fetch.
 */
export const STREAM_QUERY_FIELDS = ['n', 'delay', 'template', 'mode', 'ids', 'retry', 'end', 'dropAfter', 'buffer', 'lastEventId'] as const;
export type StreamQueryField = (typeof STREAM_QUERY_FIELDS)[number];

/** Counts characters as a person does (code points), so an emoji is one, not two UTF-16 units. */
export const countChars = (text: string) => [...text].length;

/** Replaces every `{i}` with the loop variable, as the seed's f-string does. */
export function renderTemplate(template: string, i: number): string {
  return template.replaceAll('{i}', String(i));
}
