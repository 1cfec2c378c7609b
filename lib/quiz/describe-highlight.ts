import type { TableHighlight } from '@/lib/trace/highlight';

const list = (items: readonly (string | number)[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Says which cells are highlighted, for screen readers: "Execution Table, step 3: Step and Data Sent". */
export function describeHighlight(highlight: TableHighlight): string {
  if (highlight.table === 'execution') {
    const steps = highlight.steps.length === 1 ? `step ${highlight.steps[0]}` : `steps ${list(highlight.steps)}`;
    return `Highlighted in the Execution Table, ${steps}: ${list(highlight.columns)}.`;
  }
  return `Highlighted in the Variable Tracker, row ${list(highlight.rows)}: ${list(highlight.columns)}.`;
}
