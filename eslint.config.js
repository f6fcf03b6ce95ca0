import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

import simpleImportSort from 'eslint-plugin-simple-import-sort';
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
  group: ['node:*', ...builtinModules.filter((name) => !name.startsWith('_'))],
  message: 'This code runs in the renderer or in both processes: no Node built-ins.',
};
/** Node's globals, which a browser does not have: code for the renderer or both processes may not lean on them. */
const noNodeGlobals = [
  'process',
  'Buffer',
  'global',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'setImmediate',
  'clearImmediate',
].map((name) => ({
  name,
  message: 'This code runs in the renderer or in both processes: no Node globals.',
}));
/** Browser-side code: the renderer, src/shared (also loaded by the renderer) and the harness's preload stand-in. */
const browserSide = ['src/shared/**/*.ts', 'src/renderer/**/*.ts', 'src/renderer/**/*.svelte', 'tests/harness/test-bridge.ts'];

/**
 * Main-process code that ships loads its packages from node_modules at run time, where only
 * `dependencies` are installed: a devDependency would work here and fail in the packaged app.
 */
const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const shippedPackages = new Set([...Object.keys(packageJson.dependencies ?? {}), 'electron']);
const packageOf = (source) => (source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0]);
const attuneRules = {
  rules: {
    'no-dev-dependencies': {
      meta: {
        type: 'problem',
        schema: [],
        messages: { dev: "'{{name}}' is not in package.json dependencies, so the packaged app would not have it." },
      },
      create: (context) => ({
        ImportDeclaration(node) {
          const source = node.source.value;
          if (node.importKind === 'type' || source.startsWith('.') || source.startsWith('node:') || builtinModules.includes(source)) return;
          if (!shippedPackages.has(packageOf(source))) context.report({ node, messageId: 'dev', data: { name: packageOf(source) } });
        },
      }),
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      // Made by `npm run messages` from messages/*.json (formatted by prettier there).
      'src/shared/i18n/generated/**',
      '.vitest-temp/**',
      '.scratch/**',
      'out/**',
      'out-e2e/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/e2e/artifacts/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    ignores: browserSide,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // One import order everywhere (packages, then paths from far to near), kept by --fix, so reviews never argue it.
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.e2e.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
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
          paths: [
            electronOnlyInPlatform,
            { name: 'electron-store', message: 'electron-store imports Electron: open it in src/main/platform/.' },
          ],
          patterns: [
            {
              group: ['**/platform/*', '!**/platform/*.d'],
              message: 'Domain code does not import the platform layer; the composition root wires it.',
              allowTypeImports: true,
            },
          ],
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
    files: browserSide,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInPlatform], patterns: [noNodeBuiltins] }],
      'no-restricted-globals': ['error', ...noNodeGlobals],
    },
  },
  {
    // What ships in the main process and preload (tests and their stand-ins excluded).
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    plugins: { attune: attuneRules },
    rules: { 'attune/no-dev-dependencies': 'error' },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyInPlatform,
            { name: 'zod', message: 'Validation happens in main; zod would triple the popover bundle.', allowTypeImports: true },
          ],
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
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
