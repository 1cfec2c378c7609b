/**
 * Excerpts of this project's own source for the code panel, found by explicit markers rather
 * than by guessing at the code's shape, so a rewrite of the code keeps the panel right or fails
 * a test; it never silently lights the wrong line.
 *
 *     // #region lesson-excerpt generator
 *     // lesson: start end
 *     for (let i = 0; i < params.n; i++) {
 *       yield frame; // lesson: yield
 *     // #endregion lesson-excerpt generator
 *
 * The excerpt is the lines between the two region lines. A `// lesson: name …` comment names the
 * positions that light a line up: the line it trails, or, on a line of its own, the line below
 * (Prettier moves a comment that trails an opening brace onto its own line). Marker comments are
 * taken off the text shown; the code shown is otherwise the code that runs, and each line keeps
 * its number in the file.
 */
export interface Excerpt {
  text: string;
  /** Each shown line's number in the file (1-based). */
  lineNumbers: number[];
  /** For each marker name, its 0-based line in the excerpt. */
  positions: Record<string, number>;
}

const TRAILING_MARKER = /\s*\/\/ lesson: ([\w ]+)$/;
const OWN_LINE_MARKER = /^\s*\/\/ lesson: ([\w ]+)$/;

/** The excerpt `name` of `source`; a missing or repeated region, or a marker named twice, is a programmer mistake. */
export function extractExcerpt(source: string, name: string, file = 'source'): Excerpt {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region lesson-excerpt ${name}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion lesson-excerpt ${name}`);
  if (start < 0 || end < start) throw new Error(`${file}: no "lesson-excerpt ${name}" region`);
  if (lines.findIndex((line, index) => index > start && line.trim() === `// #region lesson-excerpt ${name}`) >= 0) {
    throw new Error(`${file}: the "lesson-excerpt ${name}" region is there twice`);
  }
  const shown: string[] = [];
  const lineNumbers: number[] = [];
  const positions: Record<string, number> = {};
  let pending: string[] = [];
  const mark = (names: string, line: number) => {
    for (const position of names.trim().split(/\s+/)) {
      if (position in positions) throw new Error(`${file}: "lesson: ${position}" marks two lines`);
      positions[position] = line;
    }
  };
  for (let index = start + 1; index < end; index++) {
    const line = lines[index]!;
    const ownLine = OWN_LINE_MARKER.exec(line);
    if (ownLine) {
      pending.push(ownLine[1]!);
      continue;
    }
    pending.forEach((names) => mark(names, shown.length));
    pending = [];
    const trailing = TRAILING_MARKER.exec(line);
    if (trailing) mark(trailing[1]!, shown.length);
    shown.push(trailing ? line.slice(0, trailing.index) : line);
    lineNumbers.push(index + 1);
  }
  if (pending.length > 0) throw new Error(`${file}: "lesson: ${pending.join(' ')}" marks no line`);
  return { text: shown.join('\n'), lineNumbers, positions };
}

/** The positions an excerpt must mark, or it cannot be shown (the panel would light nothing). */
export function requirePositions(excerpt: Excerpt, names: readonly string[], file = 'source'): Excerpt {
  const missing = names.filter((position) => !(position in excerpt.positions));
  if (missing.length > 0) throw new Error(`${file}: no "lesson: ${missing.join(' ')}" marker in its excerpt`);
  return excerpt;
}
