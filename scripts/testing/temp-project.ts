import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `files` (path → text) under a fresh temporary directory named after `prefix`, and returns it. */
export function tempProject(prefix: string, files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}
