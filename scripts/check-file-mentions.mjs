#!/usr/bin/env node
/**
 * Fails when a comment names a file of ours that does not exist — the kind of comment that goes
 * stale when a file moves (STYLE.md habit 11: a comment that contradicts the code is a bug).
 *
 * A mention is a word ending in one of our source extensions inside a comment of a tracked
 * source file. With a slash it must resolve from the repository root, from the commenting file's
 * folder, or as an `@/` import does; a bare name (`join-limit.ts`) must be the name of some
 * tracked file. Files of other projects are named with their project (`eventsource-parser's
 * parse.ts`) and listed in FOREIGN below, or the file says `file-mentions: foreign` (a port of
 * web-platform-tests). `npm run lint` runs this.
 *
 * Usage: node scripts/check-file-mentions.mjs [root]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Files of other projects our comments cite as examples or sources. */
const FOREIGN = new Set(['parse.ts', 'vanilla.ts', 'json-to-sse-transform-stream.ts', 'App.tsx', 'schema.ts', 'STYLE.md']);
/** Where other projects' files are cited from: web-platform-tests' `resources/`. */
const FOREIGN_FOLDERS = ['resources/'];
// A word ending in one of our extensions, not a call (`response.json()`) and not a product (`Next.js`).
const MENTION = /(?<![\w@./-])(?:@\/)?[\w./-]*[\w-]+\.(?:tsx?|mts|mjs|cjs|js|css|json|py|lua|conf|template|md)(?![\w(])/g;
const PRODUCT = /^[A-Z][a-z]+\.js$/;
const SCANNED = /\.(tsx?|mts|mjs|cjs|js|css)$/;

/** The text of every comment in a source file. */
export function commentsOf(file, source) {
  if (file.endsWith('.css')) return [...source.matchAll(/\/\*[\s\S]*?\*\//g)].map((match) => match[0]);
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : file.endsWith('.ts') || file.endsWith('.mts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, kind);
  // Every comment sits before or after some node: collect both sides of each, once per position.
  const ranges = new Map();
  const visit = (node) => {
    for (const range of [...(ts.getLeadingCommentRanges(source, node.pos) ?? []), ...(ts.getTrailingCommentRanges(source, node.end) ?? [])])
      ranges.set(range.pos, range);
    // A JSX comment (`{/* … */}`) is an expression container with nothing in it but trivia.
    if (ts.isJsxExpression(node) && !node.expression) ranges.set(node.pos, { pos: node.getStart(tree), end: node.end });
    ts.forEachChild(node, visit);
  };
  visit(tree);
  const comments = [...ranges.values()].map((range) => source.slice(range.pos, range.end));
  return comments;
}

/** Mentions in `files` (repository-relative) that name no file; each as `file: mention`. */
export function staleMentions(root, files) {
  const names = new Set(files.map((file) => path.posix.basename(file)));
  const exists = (candidate) => fs.existsSync(path.join(root, candidate));
  const stale = [];
  for (const file of files.filter((name) => SCANNED.test(name))) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    // A file whose comments cite another project's files says so once: `file-mentions: foreign`.
    if (source.includes('file-mentions: foreign')) continue;
    for (const comment of commentsOf(file, source)) {
      for (const [mention] of comment.matchAll(MENTION)) {
        const bare = path.posix.basename(mention);
        if (FOREIGN.has(bare) || PRODUCT.test(mention) || FOREIGN_FOLDERS.some((folder) => mention.startsWith(folder))) continue;
        const found = mention.includes('/')
          ? exists(mention.replace(/^@\//, '')) || exists(path.posix.join(path.posix.dirname(file), mention))
          : names.has(mention);
        if (!found) stale.push(`${file}: ${mention}`);
      }
    }
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && fs.existsSync(path.join(root, file)));
  const stale = staleMentions(root, files);
  for (const line of stale) console.error(`A comment names a file that does not exist: ${line}`);
  if (stale.length > 0) process.exit(1);
  console.log(`check-file-mentions: every file named in a comment exists (${files.length} files)`);
}
