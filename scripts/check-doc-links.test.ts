import path from 'node:path';
import { anchorsOf, brokenLinks, documentationPages, linksOf, slugOf } from './check-doc-links.mjs';
import { tempProject } from './testing/temp-project';

const project = (files: Record<string, string>) => tempProject('doc-links', files);

describe('check-doc-links', () => {
  it('makes anchors as GitHub does: lower case, punctuation dropped, spaces to dashes, repeats numbered', () => {
    expect(slugOf('Why `GET /api/stream` skips Next.js in production')).toBe('why-get-apistream-skips-nextjs-in-production');
    expect(slugOf('Ids and resuming')).toBe('ids-and-resuming');
    expect([...anchorsOf('# A\n## Faults\n## Faults\n```\n# not a heading\n```\n')]).toEqual(['a', 'faults', 'faults-1']);
  });

  it('finds inline links, images and reference definitions, but not links inside code', () => {
    const markdown = '[a](docs/a.md) ![b](public/b.png "title")\n`[c](nowhere.md)`\n```\n[d](nowhere.md)\n```\n[e]: lib/e.ts\n';
    expect(linksOf(markdown)).toEqual(['docs/a.md', 'public/b.png', 'lib/e.ts']);
  });

  it('reports a missing file, a link that forgets it is inside docs/, and an anchor no heading makes', () => {
    const root = project({
      'README.md': '[api](docs/api.md#faults) [gone](docs/gone.md) [x](https://example.com/nowhere)\n',
      'docs/api.md': '# API\n## Faults\n[code](lib/a.ts) [up](../lib/a.ts) [self](#api) [lost](#nothing) [other](lesson.md#quiz)\n',
      'docs/lesson.md': '# Lesson\n## The quiz\n',
      'lib/a.ts': '',
    });
    expect(documentationPages(root)).toEqual(['README.md', 'docs/api.md', 'docs/lesson.md']);
    expect(brokenLinks(root, documentationPages(root))).toEqual([
      'README.md: docs/gone.md',
      'docs/api.md: lib/a.ts',
      'docs/api.md: #nothing',
      'docs/api.md: lesson.md#quiz',
    ]);
  });

  it('passes on this repository', () => {
    const root = path.resolve(__dirname, '..');
    expect(brokenLinks(root, documentationPages(root))).toEqual([]);
  });
});
