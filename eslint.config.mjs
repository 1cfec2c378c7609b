// ESLint for Stepstream: TypeScript, React's hook rules, Next's rules, no import cycles, and the
// layer table (README, "How it works") as rules, so a wrong arrow fails `npm test`, not a review.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import pattern and why it is refused there. */
const refuse = (group, message) => ({ group, message });

const REACT = refuse(['react', 'react-dom', 'react/*', 'react-dom/*', '*.tsx'], 'the model is plain TypeScript: no React, no JSX.');
const NEXT = refuse(['next', 'next/*'], 'Next.js stays in app/, components/ and the server.');
const SERVER = refuse(
  ['@/lib/server/*', '**/lib/server/*'],
  'lib/server is the server runtime (server-only); the browser side reaches it only through an HTTP request.',
);
const STORE = refuse(['@/lib/store/*', '**/lib/store/*'], "the store is the view layer's state; the model never imports it.");
const COMPONENTS = refuse(['@/components/*', '**/components/*'], 'lib/ never imports the view.');
const APP = refuse(['@/app/*', '**/app/*'], 'nothing imports a page or a route; shared code belongs in lib/.');
const OURS = refuse(['@/*', '../*'], 'the wire format depends on nothing of ours.');
const PARSER = refuse(
  ['eventsource-parser', 'eventsource-parser/*'],
  'one reader: read a byte stream with readSse (or parse whole frames with parseSse) from lib/sse/read.ts.',
);

/** What the shared contract and the model both refuse: they run anywhere, so they reach for no runtime. */
const PORTABLE = [PARSER, SERVER, STORE, COMPONENTS, APP, REACT, NEXT];

/** The model: pure, portable folders (lib/code's pure files are added where the layers are listed). */
const MODEL = [
  'lib/trace/**',
  'lib/quiz/**',
  'lib/lesson/**',
  'lib/lab/**',
  'lib/predict/**',
  'lib/share/**',
  'lib/shortcuts/**',
  'lib/compare/**',
  'lib/room/**',
  'lib/recording/**',
  'lib/write/**',
];

/** `no-restricted-imports` for one layer of the table. */
const layer = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  {
    ignores: ['.next/**', 'node_modules/**', 'bench/results/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts', 'public/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // No import cycles anywhere in the app. WARNING: this rule skips type-only imports (import-x 4.18 has no
    // option to count them), so scripts/check-import-cycles.mjs, run by `npm run lint` after ESLint, checks
    // the whole graph again with type-only and dynamic imports counted.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', '*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // next.config.js is CommonJS, as Next loads it.
    files: ['next.config.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // ---- The layer table ----
  layer(['lib/sse/**'], OURS, REACT, NEXT),
  layer(['lib/contract/**'], ...PORTABLE, refuse(['node:*'], 'the contract runs in the browser too.')),
  layer(
    [
      ...MODEL,
      'lib/code/flask-code.ts',
      'lib/code/flask-slots.ts',
      'lib/code/slots.ts',
      'lib/code/excerpt.ts',
      'lib/code/typescript-excerpts.ts',
    ],
    ...PORTABLE,
  ),
  layer(['lib/server/**', 'lib/http/**', 'lib/code/highlight.ts'], PARSER, STORE, COMPONENTS, APP, REACT),
  layer(['lib/store/**'], PARSER, SERVER, COMPONENTS, APP, REACT, NEXT),
  layer(['components/**'], PARSER, SERVER, APP),
  // Only lib/sse reads the wire (above, it may import eventsource-parser: nothing of ours).
  layer(['app/**'], PARSER),
  {
    // The model takes time and chance as arguments: same input, same output.
    files: MODEL,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'the model is pure: pass the time in.' },
        { object: 'Math', property: 'random', message: 'the model is pure: pass a seeded random in (lib/quiz/random.ts).' },
      ],
    },
  },
  {
    // Test helpers (contract suites, test servers) live in folders named testing/ and never ship.
    // A rule of its own, so the layers' no-restricted-imports above stay as they are.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [refuse(['**/testing', '**/testing/*'], 'testing/ holds test helpers: only tests import them.')] },
      ],
    },
  },
  {
    // Tests may build what they test from any layer.
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  prettier,
);
