import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TYPESCRIPT_EXCERPTS } from './typescript-excerpts';
import { extractExcerpt, requirePositions } from './excerpt';

const SOURCE = [
  'import x from "y";',
  '// #region lesson-excerpt demo',
  'function demo() {',
  '  // lesson: start end',
  '  for (;;) {',
  '    step(); // lesson: yield',
  '  }',
  '}',
  '// #endregion lesson-excerpt demo',
  'export {};',
].join('\n');

describe('extractExcerpt', () => {
  it('takes the lines between the region markers, numbered as in the file', () => {
    const excerpt = extractExcerpt(SOURCE, 'demo');
    expect(excerpt.lineNumbers).toEqual([3, 5, 6, 7, 8]);
    expect(excerpt.text.split('\n')[0]).toBe('function demo() {');
    expect(excerpt.text.split('\n').at(-1)).toBe('}');
  });

  it('records each marked line (a marker on its own line marks the line below) and takes the markers off the text shown', () => {
    const excerpt = extractExcerpt(SOURCE, 'demo');
    expect(excerpt.positions).toEqual({ start: 1, end: 1, yield: 2 });
    expect(excerpt.text).toBe('function demo() {\n  for (;;) {\n    step();\n  }\n}');
  });

  it('fails loudly when a region or a required marker is missing, or a marker is used twice', () => {
    expect(() => extractExcerpt(SOURCE, 'other', 'demo.ts')).toThrow('demo.ts: no "lesson-excerpt other" region');
    expect(() => requirePositions(extractExcerpt(SOURCE, 'demo'), ['yield', 'sleep'], 'demo.ts')).toThrow('no "lesson: sleep" marker');
    expect(() => extractExcerpt(SOURCE.replace('// lesson: yield', '// lesson: start'), 'demo')).toThrow('"lesson: start" marks two lines');
    expect(() => extractExcerpt(SOURCE.replace('}\n// #endregion', '}\n// lesson: end\n// #endregion'), 'demo')).toThrow('marks no line');
  });
});

describe("the project's own excerpts", () => {
  for (const { file, region, positions } of TYPESCRIPT_EXCERPTS) {
    it(`${file} has its "${region}" excerpt, marking ${positions.join(', ')}`, () => {
      const source = readFileSync(path.join(__dirname, '..', '..', file), 'utf8');
      const excerpt = requirePositions(extractExcerpt(source, region, file), positions, file);
      // What the panel shows is the source, line for line and numbered as in the file, minus only the markers.
      const sourceLines = source.split('\n');
      excerpt.text.split('\n').forEach((line, index) => expect(sourceLines[excerpt.lineNumbers[index]! - 1]!.startsWith(line)).toBe(true));
    });
  }

  it('light the lines that do what their position names', () => {
    const read = (file: string) => readFileSync(path.join(__dirname, '..', '..', file), 'utf8');
    const generator = extractExcerpt(read('lib/server/event-stream.ts'), 'generator');
    const lines = generator.text.split('\n');
    expect(lines[generator.positions.start!]).toMatch(/for \(let i = 0; i < params\.n; i\+\+\)/);
    expect(lines[generator.positions.yield!]).toMatch(/^\s*yield /);
    expect(lines[generator.positions.sleep!]).toMatch(/await sleep\(/);
    const route = extractExcerpt(read('lib/server/serve-on-node.ts'), 'direct-route');
    expect(route.text.split('\n')[route.positions.request!]).toMatch(/writeHead\(200/);
  });
});
