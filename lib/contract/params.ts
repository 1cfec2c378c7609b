/** The stream's parameters: their shape, limits and defaults. */
/** What the generator is asked to do: `for i in range(n)`, yield the template, sleep `delayMs`. */
export interface StreamParams {
  /** How many frames: the seed's `range(3)`. */
  n: number;
  /** The sleep after every yield, in milliseconds: the seed's `time.sleep(1)`. */
  delayMs: number;
  /** The message; every `{i}` becomes the loop variable. The seed's `Message {i}`. */
  template: string;
  /** `step`: every sleep waits for the presenter's Step instead of a timer. Absent means timed. */
  mode?: StreamMode;
}

export const STREAM_MODES = ['timed', 'step'] as const;
export type StreamMode = (typeof STREAM_MODES)[number];

/** Whether the generator's sleeps wait for a presenter. */
export const isStepMode = (params: Pick<StreamParams, 'mode'>) => params.mode === 'step';

export const N_MIN = 1;
export const N_MAX = 10_000;
export const DELAY_MS_MIN = 0;
export const DELAY_MS_MAX = 10_000;
export const TEMPLATE_MIN_CHARS = 1;
export const TEMPLATE_MAX_CHARS = 200;

/** The seed's generator: three messages, one second apart. */
export const DEFAULT_PARAMS: Readonly<StreamParams> = Object.freeze({ n: 3, delayMs: 1000, template: 'Message {i}' });

/** The query parameter names of `GET /api/stream`, in the order errors are reported. */
export const STREAM_QUERY_FIELDS = ['n', 'delay', 'template', 'mode'] as const;
export type StreamQueryField = (typeof STREAM_QUERY_FIELDS)[number];

/** Counts characters as a person does (code points), so an emoji is one, not two UTF-16 units. */
export const countChars = (text: string) => [...text].length;

/** Replaces every `{i}` with the loop variable, as the seed's f-string does. */
export function renderTemplate(template: string, i: number): string {
  return template.replaceAll('{i}', String(i));
}
