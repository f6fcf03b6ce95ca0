import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Lint is where the architecture is enforced (style-anchors §1): Electron only
 * under src/main/platform (and the preload), no Node or Electron in the
 * renderer or src/shared, and domain code never reaches into the platform layer.
 */
const electronOnlyInPlatform = {
  name: 'electron',
  message: 'Import Electron only under src/main/platform/ (and the preload); pass what you need in through a small interface.',
};
const noNodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
  message: 'This code runs in the renderer or in both processes: no Node built-ins.',
};

export default tseslint.config(
  { ignores: ['.vitest-temp/**', '.scratch/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/e2e/artifacts/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.node.json', './tsconfig.e2e.json', './tsconfig.web.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/platform/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInPlatform, { name: 'electron-store', message: 'electron-store imports Electron: open it in src/main/platform/.' }],
          patterns: [{ group: ['**/platform/*', '!**/platform/*.d'], message: 'Domain code does not import the platform layer; the composition root wires it.', allowTypeImports: true }],
        },
      ],
    },
  },
  {
    // The composition root is the one place that wires platform adapters to the domain.
    files: ['src/main/index.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronOnlyInPlatform] }] },
  },
  {
    files: ['src/shared/**/*.ts', 'src/renderer/**/*.ts', 'src/renderer/**/*.svelte', 'tests/harness/test-bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInPlatform], patterns: [noNodeBuiltins] }],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInPlatform, { name: 'zod', message: 'Validation happens in main; zod would triple the popover bundle.', allowTypeImports: true }],
          patterns: [
            noNodeBuiltins,
            { group: ['**/main/**', '**/preload/index*'], message: 'The renderer talks to main only through window.attune.' },
            {
              group: ['**/entry-schema', '**/settings-schema', '**/pause-settings', '**/ipc/*-contract', '**/ipc/contract'],
              message: 'These modules build zod schemas; import types only, or the ids from a zod-free module (entry-ids, views).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.web.json'], tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig } },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
