/** What the rule checker reports about a run's yields (lib/write/frame-rules.ts). */

/** Each rule the checker knows; the rule files say which spec step each one follows. */
export type RuleId =
  | 'no-blank-line'
  | 'no-field-name'
  | 'unknown-field'
  | 'lone-cr'
  | 'not-text'
  | 'json-split'
  | 'json-multiline'
  | 'named-event'
  | 'silent-endless'
  | 'bom'
  | 'id-with-null'
  | 'retry-not-digits'
  | 'data-leading-space';

/** error: the browser loses or misreads what the code meant; warning: it works here but is fragile; info: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding, placed at a yield of the student's code. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The yield it is about (`YieldRecord.index`); null only for a silence before anything was yielded. */
  yieldIndex: number | null;
  /** The student's source line of that yield; null with `yieldIndex`. */
  line: number | null;
  /** The exact text at fault, escaped as Python's repr escapes it (without the quotes): a newline shows as `\n`. */
  bytes: string;
  /** Plain sentences: what the browser does with it. */
  message: string;
  /** What to write instead, when there is one simple fix. */
  fix?: string;
}
