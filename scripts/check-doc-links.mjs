#!/usr/bin/env node
/**
 * Fails when a relative link in the README or in `docs/` leads nowhere: a file or folder that does
 * not exist, or an anchor (`docs/api.md#faults`, `#faults`) that no heading of that page makes.
 * Anchors are made as GitHub makes them: the heading's text in lower case, punctuation but `-` and
 * `_` dropped, each space a `-`, and `-1`, `-2`… after repeats. Links inside code are not links.
 * `npm run lint` runs this.
 *
 * Usage: node scripts/check-doc-links.mjs [root]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Markdown without its fenced blocks and inline code, which hold no links. */
function withoutCode(markdown) {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchor GitHub gives a heading's text. */
export function slugOf(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a markdown page's headings make. */
export function anchorsOf(markdown) {
  const seen = new Map();
  const anchors = new Set();
  const fenced = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, text] of fenced.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const slug = slugOf(text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every link target in a markdown page: inline links, images and reference definitions. */
export function linksOf(markdown) {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/!?\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((match) => match[1]);
  return [...inline, ...references];
}

/** Links in `pages` (root-relative markdown files) that lead nowhere; each as `page: target`. */
export function brokenLinks(root, pages) {
  const broken = [];
  for (const page of pages) {
    const markdown = fs.readFileSync(path.join(root, page), 'utf8');
    for (const target of linksOf(markdown)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: — not ours to check
      const [file, anchor] = target.split('#', 2);
      const resolved = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(file)));
      if (resolved.startsWith('..') || !fs.existsSync(path.join(root, resolved))) {
        broken.push(`${page}: ${target}`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!resolved.endsWith('.md') || !anchorsOf(fs.readFileSync(path.join(root, resolved), 'utf8')).has(anchor))
        broken.push(`${page}: ${target}`);
    }
  }
  return broken;
}

/** The pages checked: the README and every markdown file under docs/. */
export function documentationPages(root) {
  const docs = fs.existsSync(path.join(root, 'docs'))
    ? fs
        .readdirSync(path.join(root, 'docs'), { recursive: true })
        .filter((name) => String(name).endsWith('.md'))
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...docs.sort()];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? process.cwd();
  const broken = brokenLinks(root, documentationPages(root));
  if (broken.length > 0) {
    console.error(`Links that lead nowhere (${broken.length}):\n${broken.map((line) => `  ${line}`).join('\n')}`);
    process.exit(1);
  }
  console.log('check-doc-links: every relative link in README.md and docs/ resolves.');
}
