import { staleMentions } from './check-file-mentions.mjs';
import { tempProject } from './testing/temp-project';

/** The project written, and its paths. */
const project = (files: Record<string, string>): [string, string[]] => [tempProject('mentions', files), Object.keys(files)];

describe('check-file-mentions', () => {
  it('reports a comment naming a file that was renamed, by path or by bare name', () => {
    const [root, files] = project({
      'lib/server/join-limit.ts': 'export const x = 1;\n',
      'lib/server/state.ts': '// Limits: lib/server/room-limits.ts.\n/** See room-limits.ts. */\nexport const y = 2;\n',
      'app/styles/palette.css': '/* lib/ui/palette.test.ts checks it */\n',
    });
    expect(staleMentions(root, files)).toEqual([
      'lib/server/state.ts: lib/server/room-limits.ts',
      'lib/server/state.ts: room-limits.ts',
      'app/styles/palette.css: lib/ui/palette.test.ts',
    ]);
  });

  it('accepts paths from the root, from the file, with @/, and bare names of tracked files', () => {
    const [root, files] = project({
      'lib/a/one.ts': "// lib/b/two.ts, ../b/two.ts, @/lib/b/two.ts and two.ts all exist\nexport const s = 'not/a/comment.ts';\n",
      'lib/b/two.ts': 'export const t = 1;\n',
    });
    expect(staleMentions(root, files)).toEqual([]);
  });

  it('ignores what is not a file of ours: code in strings, calls, products and cited projects', () => {
    const [root, files] = project({
      'lib/c.tsx':
        "// Next.js reads response.json() here; eventsource-parser's parse.ts does the same.\nexport const C = () => <p>{/* gone.ts is JSX text here? no: a comment */}</p>;\n",
      'lib/d.ts': "// Ported from WPT (file-mentions: foreign): resources/message.py, last-event-id2.py\nexport const d = 'missing.ts';\n",
    });
    expect(staleMentions(root, files)).toEqual(['lib/c.tsx: gone.ts']);
  });
});
