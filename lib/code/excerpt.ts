/**
 * Excerpts of this project's own source for the code panel, found by explicit markers rather
 * than by guessing at the code's shape, so a rewrite of the code keeps the panel right or fails
 * a test; it never silently lights the wrong line.
 *
 *     // #region lesson-excerpt generator
 *     for (let i = 0; i < params.n; i++) { // lesson: start end
 *     // #endregion lesson-excerpt generator
 *
 * The excerpt is the lines between the two region lines. A trailing `// lesson: name …` comment
 * names the positions that light that line up; it is taken off the text shown (a trailing
 * comment: the code shown is the code that runs).
 */
export interface Excerpt {
  text: string;
  /** The file's own number of the excerpt's first line (1-based). */
  firstLine: number;
  /** For each marker name, its 0-based line in the excerpt. */
  positions: Record<string, number>;
}

const POSITION_MARKER = /\s*\/\/ lesson: ([\w ]+)$/;

/** The excerpt `name` of `source`; a missing or repeated region, or a marker named twice, is a programmer mistake. */
export function extractExcerpt(source: string, name: string, file = 'source'): Excerpt {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region lesson-excerpt ${name}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion lesson-excerpt ${name}`);
  if (start < 0 || end < start) throw new Error(`${file}: no "lesson-excerpt ${name}" region`);
  if (lines.findIndex((line, index) => index > start && line.trim() === `// #region lesson-excerpt ${name}`) >= 0) {
    throw new Error(`${file}: the "lesson-excerpt ${name}" region is there twice`);
  }
  const positions: Record<string, number> = {};
  const shown = lines.slice(start + 1, end).map((line, index) => {
    const marker = POSITION_MARKER.exec(line);
    if (!marker) return line;
    for (const position of marker[1]!.trim().split(/\s+/)) {
      if (position in positions) throw new Error(`${file}: "lesson: ${position}" marks two lines`);
      positions[position] = index;
    }
    return line.slice(0, marker.index);
  });
  return { text: shown.join('\n'), firstLine: start + 2, positions };
}

/** The positions an excerpt must mark, or it cannot be shown (the panel would light nothing). */
export function requirePositions(excerpt: Excerpt, names: readonly string[], file = 'source'): Excerpt {
  const missing = names.filter((position) => !(position in excerpt.positions));
  if (missing.length > 0) throw new Error(`${file}: no "lesson: ${missing.join(' ')}" marker in its excerpt`);
  return excerpt;
}
