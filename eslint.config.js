// Lint rules, chiefly the process boundaries: a wrong import is a build error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];
const forbid = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3', '**/electron/**', '../../electron/*'],
        'The renderer talks to the core only through the typed API (renderer/src/api.ts).',
      ),
    },
  },
  {
    // The rules of hooks, exhaustive dependencies and the React Compiler's checks, all as errors: every
    // screen loads through the data layer (renderer/src/data/query.ts), so none sets state in a
    // fetching effect or reads refs while rendering.
    files: ['renderer/**/*.{ts,tsx}', 'tests/e2e/harness/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/set-state-in-effect': 'error',
      'react-hooks/refs': 'error',
      'react-hooks/immutability': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          ...nodeBuiltins,
          'electron',
          'electron/*',
          'better-sqlite3',
          'react',
          'react-dom',
          'react/*',
          '**/electron/**',
          '**/renderer/**',
        ],
        'shared/ is used by both processes: no Node, Electron, database or DOM imports.',
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'electron/*', '**/host/**', '**/renderer/**'],
        'The core is host-agnostic: it never imports electron or a host.',
      ),
    },
  },
  {
    // The CLI and the loopback HTTP host run in plain Node (`cairn …`, `cairn serve`), where the
    // electron package is only a stub that prints a path: importing it there breaks them at run time.
    files: ['electron/cli.ts', 'electron/cli/**/*.ts', 'electron/host/http.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', 'electron/*', '**/renderer/**'],
        'The CLI and the HTTP host run without Electron: they never import electron.',
      ),
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
