import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractExcerpt, requirePositions } from '@/lib/code/excerpt';
import { highlightLines } from '@/lib/code/highlight';
import { TYPESCRIPT_EXCERPTS } from '@/lib/code/typescript-excerpts';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { FLASK_POSITION_LINES, flaskSource } from '@/lib/lesson/flask-code';
import { CodeView, type CodeFile } from './code-view';

/** One of this project's marked excerpts, highlighted, with the lines its positions light. */
async function typescriptFile({ file, region, caption, positions }: (typeof TYPESCRIPT_EXCERPTS)[number]): Promise<CodeFile> {
  const source = await readFile(path.join(process.cwd(), file), 'utf8');
  const excerpt = requirePositions(extractExcerpt(source, region, file), positions, file);
  return {
    name: `${file} — ${caption}`,
    lineNumbers: excerpt.lineNumbers,
    lines: await highlightLines(excerpt.text, 'typescript'),
    slots: [],
    positions: excerpt.positions,
  };
}

/**
 * The generator in two languages, highlighted here on the server: the seed's Flask code (its
 * parameters are slots the browser fills in) and this project's own TypeScript, the marked
 * excerpts that production runs.
 */
export async function CodePanel() {
  const flask = flaskSource(DEFAULT_PARAMS);
  const flaskFile: CodeFile = {
    name: 'app.py',
    lines: await highlightLines(flask.code, 'python'),
    lineNumbers: flask.code.split('\n').map((_, line) => line + 1),
    slots: flask.slots,
    positions: { ...FLASK_POSITION_LINES },
  };
  const typescriptFiles = await Promise.all(TYPESCRIPT_EXCERPTS.map(typescriptFile));
  return <CodeView flask={flaskFile} typescript={typescriptFiles} />;
}
