import { join } from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

/**
 * The lint rules that hold the architecture, tried on probe files the way a
 * newcomer might write them. Type-aware parsing is switched off for the
 * probes (they are not in any tsconfig); the rules under test need no types.
 */
const ROOT = join(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { project: null, projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/consistent-type-imports': 'off',
      },
    },
  ],
});

const problems = async (path: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
};

const USES_UTIL = "import { inspect } from 'util';\nexport const show = (value: unknown): string => inspect(value);\n";
const USES_PROCESS = 'export const home = (): string | undefined => process.env.HOME;\n';
const USES_BUFFER = 'export const bytes = (text: string): number => Buffer.byteLength(text);\n';

describe('lint: what runs in the renderer or both processes', () => {
  test.each(['src/shared/probe.ts', 'src/renderer/src/lib/probe.ts'])(
    '%s may not import a Node built-in, even bare ("util")',
    async (path) => {
      expect((await problems(path, USES_UTIL)).join('\n')).toMatch(/no-restricted-imports: .*no Node built-ins/);
    },
  );

  test.each(['src/shared/probe.ts', 'src/renderer/src/lib/probe.ts'])('%s may not use process or Buffer', async (path) => {
    expect((await problems(path, USES_PROCESS)).join('\n')).toMatch(/no-restricted-globals: .*process/);
    expect((await problems(path, USES_BUFFER)).join('\n')).toMatch(/no-restricted-globals: .*Buffer/);
  });

  test('main-process code may (the same text is clean there)', async () => {
    expect(await problems('src/main/probe.ts', USES_UTIL)).toEqual([]);
    expect(await problems('src/main/probe.ts', USES_PROCESS)).toEqual([]);
  });
});

describe('lint: what ships in the main process', () => {
  test('may not import a devDependency; runtime dependencies and Electron (in platform/) are fine', async () => {
    expect((await problems('src/main/probe.ts', "import fc from 'fast-check';\nexport const x = fc;\n")).join('\n')).toMatch(
      /attune\/no-dev-dependencies: 'fast-check'/,
    );
    expect(await problems('src/main/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
    expect(await problems('src/main/platform/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  test('tests and stand-ins may use devDependencies', async () => {
    expect(await problems('src/main/app/testing/probe.ts', "import fc from 'fast-check';\nexport const x = fc;\n")).toEqual([]);
  });

  test('Electron only under src/main/platform', async () => {
    expect((await problems('src/main/vault/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).join('\n')).toMatch(
      /Import Electron only under src\/main\/platform/,
    );
  });
});
