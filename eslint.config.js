// Lint rules, chiefly the process boundaries: a wrong import is a build error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];
const forbid = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
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
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3', 'react', 'react-dom', 'react/*', '**/electron/**', '**/renderer/**'],
        'shared/ is used by both processes: no Node, Electron, database or DOM imports.',
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['electron', 'electron/*', '**/host/**', '**/renderer/**'], 'The core is host-agnostic: it never imports electron or a host.'),
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
