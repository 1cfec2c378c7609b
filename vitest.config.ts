import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'vitest.server-only.ts') };

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  resolve: { alias },
  test: {
    globals: true,
    // Generous: a property test that takes 2 s alone takes 6 on a loaded 2-core machine. Tests assert
    // behaviour, not speed; a hang still fails, just later.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', '*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['components/**/*.test.tsx', 'lib/**/*.test.tsx'],
          setupFiles: ['./vitest.setup.ts'],
        },
      },
    ],
  },
});
