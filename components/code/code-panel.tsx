import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractExcerpt, requirePositions } from '@/lib/code/excerpt';
import { highlightLines } from '@/lib/code/highlight';
import { TYPESCRIPT_EXCERPTS } from '@/lib/code/typescript-excerpts';
import { DEFAULT_PARAMS, type StreamParams } from '@/lib/contract/params';
import { FLASK_VARIANTS, flaskSource } from '@/lib/code/flask-code';
import { flaskVariantKey, type FlaskVariant } from '@/lib/code/flask-slots';
import { CodeView, type CodeFile } from './code-view';

/** One of this project's marked excerpts, highlighted, with the lines its positions light. */
async function typescriptFile(shown: (typeof TYPESCRIPT_EXCERPTS)[number]): Promise<CodeFile> {
  const { file, region, caption, positions } = shown;
  // Read at render from the checkout this server runs in (server.mjs serves from it), not traced into a bundle.
  const sourcePath = path.join(/* turbopackIgnore: true */ process.cwd(), file);
  const source = await readFile(/* turbopackIgnore: true */ sourcePath, 'utf8');
  const excerpt = requirePositions(extractExcerpt(source, region, file), positions, file);
  return {
    ...('end' in shown ? { onlyWhenEnd: shown.end } : {}),
    name: `${file} — ${caption}`,
    lineNumbers: excerpt.lineNumbers,
    lines: await highlightLines(excerpt.text, 'typescript'),
    slots: [],
    positions: excerpt.positions,
  };
}

/** The Flask app of one shape, highlighted with the seed's values; the browser fills in the parameters. */
async function flaskFile(variant: FlaskVariant): Promise<CodeFile> {
  const shape: StreamParams = {
    ...DEFAULT_PARAMS,
    ...(variant.resume ? { ids: true } : {}),
    ...(variant.retry ? { retryMs: 3000 } : {}),
    ...(variant.end === 'close' ? {} : { end: variant.end }),
  };
  const flask = flaskSource(shape);
  return {
    name: 'app.py',
    lines: await highlightLines(flask.code, 'python'),
    lineNumbers: flask.code.split('\n').map((_, line) => line + 1),
    slots: flask.slots,
    positions: flask.positions,
  };
}

/**
 * The generator in two languages, highlighted here on the server: the seed's Flask code in each
 * shape the stream lab's options give it (its parameters are slots the browser fills in), and
 * this project's own TypeScript, the marked excerpts that production runs.
 */
export async function CodePanel() {
  const flask = Object.fromEntries(
    await Promise.all(FLASK_VARIANTS.map(async (variant) => [flaskVariantKey(variant), await flaskFile(variant)] as const)),
  );
  const typescriptFiles = await Promise.all(TYPESCRIPT_EXCERPTS.map(typescriptFile));
  return <CodeView flask={flask} typescript={typescriptFiles} />;
}
