import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { highlightLines } from '@/lib/code/highlight';
import { DEFAULT_PARAMS } from '@/lib/stream/params';
import { FLASK_POSITION_LINES, flaskSource, type CodePosition } from '@/lib/lesson/flask-code';
import { CodeView, type CodeFile } from './code-view';

/** Finds the 0-based line of `pattern` in `code`; a missing marker is a programmer mistake. */
function lineOf(code: string, pattern: RegExp, file: string): number {
  const line = code.split('\n').findIndex((text) => pattern.test(text));
  if (line < 0) throw new Error(`${file}: no line matches ${pattern}`);
  return line;
}

/** The part of a file from the line matching `from` through the first line that is exactly `}`. */
function excerpt(code: string, from: RegExp): { text: string; firstLine: number } {
  const lines = code.split('\n');
  const start = lines.findIndex((text) => from.test(text));
  const end = lines.findIndex((text, index) => index > start && text === '}');
  return { text: lines.slice(start, end + 1).join('\n'), firstLine: start + 1 };
}

/** The project's own source files shown in the TypeScript tab; read at build time, when the page is prerendered. */
const SOURCE_FILES = {
  'app/api/stream/route.ts': () => readFile(path.join(process.cwd(), 'app', 'api', 'stream', 'route.ts'), 'utf8'),
  'lib/stream/event-stream.ts': () => readFile(path.join(process.cwd(), 'lib', 'stream', 'event-stream.ts'), 'utf8'),
};

/**
 * The generator in two languages, highlighted here on the server: the seed's Flask code (its
 * parameters are slots the browser fills in) and this project's own TypeScript route handler.
 */
export async function CodePanel() {
  const flask = flaskSource(DEFAULT_PARAMS);
  const routePath = 'app/api/stream/route.ts';
  const generatorPath = 'lib/stream/event-stream.ts';
  const route = (await SOURCE_FILES[routePath]()).trimEnd();
  const { text: generator, firstLine: generatorFirstLine } = excerpt(await SOURCE_FILES[generatorPath](), /^export async function\* eventStream/);

  const flaskFile: CodeFile = {
    name: 'app.py',
    firstLine: 1,
    lines: await highlightLines(flask.code, 'python'),
    slots: flask.slots,
    positions: { ...FLASK_POSITION_LINES },
  };
  const generatorPositions: Partial<Record<CodePosition, number>> = {
    start: lineOf(generator, /for \(let i = 0/, generatorPath),
    yield: lineOf(generator, /^\s*yield /, generatorPath),
    sleep: lineOf(generator, /await sleep\(/, generatorPath),
    end: lineOf(generator, /for \(let i = 0/, generatorPath),
  };
  const typescriptFiles: CodeFile[] = [
    {
      name: `${generatorPath} (excerpt)`,
      firstLine: generatorFirstLine,
      lines: await highlightLines(generator, 'typescript'),
      slots: [],
      positions: generatorPositions,
    },
    {
      name: routePath,
      firstLine: 1,
      lines: await highlightLines(route, 'typescript'),
      slots: [],
      positions: { request: lineOf(route, /return new Response\(/, routePath) },
    },
  ];
  return <CodeView flask={flaskFile} typescript={typescriptFiles} />;
}
