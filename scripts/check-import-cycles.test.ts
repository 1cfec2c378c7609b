import path from 'node:path';
import { findCycles, importGraph } from './check-import-cycles.mjs';
import { tempProject } from './testing/temp-project';

const project = (files: Record<string, string>) => tempProject('cycles', files);

const cyclesIn = (root: string): string[][] =>
  (findCycles(importGraph(root)) as string[][]).map((cycle) => cycle.map((file) => path.relative(root, file)));

describe('check-import-cycles', () => {
  it('finds a cycle made of a type-only import one way and a dynamic import() the other, which import-x/no-cycle skips', () => {
    const root = project({
      'lib/a.ts': "import type { B } from './b';\nexport type A = B;\n",
      'lib/b.ts': "export type B = string;\nexport const load = () => import('@/lib/a');\n",
    });
    expect(cyclesIn(root)).toEqual([['lib/a.ts', 'lib/b.ts']]);
  });

  it('finds a cycle of inline type specifiers through three modules', () => {
    const root = project({
      'components/x.tsx': "import { type Y } from './y';\nexport type X = Y;\n",
      'components/y.ts': "import { type Z } from '../lib/z';\nexport type Y = Z;\n",
      'lib/z.ts': "import type { X } from '@/components/x';\nexport type Z = X | 1;\n",
    });
    expect(cyclesIn(root)).toEqual([['components/x.tsx', 'components/y.ts', 'lib/z.ts']]);
  });

  it('passes modules that share their types through a third module', () => {
    const root = project({
      'lib/types.ts': 'export type Shared = number;\n',
      'lib/a.ts': "import type { Shared } from './types';\nexport const load = () => import('./b');\nexport type A = Shared;\n",
      'lib/b.ts': "import type { Shared } from './types';\nexport type B = Shared;\n",
    });
    expect(cyclesIn(root)).toEqual([]);
  });

  it('finds no cycle in this repository', () => {
    expect(cyclesIn(path.resolve(__dirname, '..'))).toEqual([]);
  });
});
