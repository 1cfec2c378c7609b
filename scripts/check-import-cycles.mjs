#!/usr/bin/env node
/**
 * Fails when modules in app/, components/ or lib/ import each other in a cycle, counting every
 * kind of import: value, type-only (`import type`, `import { type X }`) and dynamic (`import()`).
 *
 * Why a script beside ESLint's `import-x/no-cycle`: that rule skips type-only imports (4.18 has no
 * option to count them), so a cycle made of `import type` one way and a dynamic `import()` the
 * other passes it — STYLE.md habit 19. Two modules that name each other's types are still tied
 * together; the shared types belong in a module of their own. `npm run lint` runs this.
 *
 * Usage: node scripts/check-import-cycles.mjs [root]   (root defaults to the repository)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SCANNED = ['app', 'components', 'lib'];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** Every source file under `dirs` (relative to `root`), tests and type declarations included. */
function sourceFiles(root, dirs) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name)) found.push(full);
    }
  };
  for (const dir of dirs) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return found;
}

/** The file an import specifier names, or null for a package (`@/` is the repository root, as in tsconfig.json). */
function resolveImport(root, importer, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(importer), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The import graph: file → the files it imports, by any kind of import. */
export function importGraph(root, dirs = SCANNED) {
  const graph = new Map();
  for (const file of sourceFiles(root, dirs)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      const target = resolveImport(root, file, fileName);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan's algorithm): each is a cycle. */
export function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const cycles = findCycles(importGraph(root));
  for (const cycle of cycles) {
    console.error(`Import cycle (type-only and dynamic imports count):\n  ${cycle.map((file) => path.relative(root, file)).join('\n  ')}`);
  }
  if (cycles.length > 0) {
    console.error(`${cycles.length} import cycle(s): move what the modules share into a module of its own.`);
    process.exit(1);
  }
  console.log('check-import-cycles: no import cycles in app/, components/, lib/ (type-only and dynamic imports counted)');
}
