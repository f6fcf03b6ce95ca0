import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { noKeychain } from '../vault/keychain';
import { checkIn, FAST_SCRYPT } from '../vault/testing/vault-fixtures';
import { VaultService } from '../vault/vault-service';
import { createExportHandlers, suggestedExportName } from './export-handlers';

const tempDir = useTempDirs();
const ctx = { window: 'app' as const };

const unlockedVault = async (root: string) => {
  const vault = new VaultService({ dir: join(root, 'vault'), keychain: noKeychain, scrypt: FAST_SCRYPT });
  await vault.setup({ passphrase: 'long enough', useKeychain: false, createRecoveryKey: false });
  await vault.append(checkIn('first'));
  await vault.append(checkIn('second'));
  return vault;
};

describe('vault.saveExport', () => {
  test('saves where the person picked, under a neutral dated name', async () => {
    const root = tempDir();
    const vault = await unlockedVault(root);
    const suggested: string[] = [];
    const target = join(root, 'chosen.csv');
    const handlers = createExportHandlers(vault, { chooseSavePath: async (name) => (suggested.push(name), target) }, () =>
      Date.UTC(2026, 10, 23),
    );
    const result = await handlers['vault.saveExport']({ format: 'csv', confirmPlaintext: true }, ctx);
    expect(result).toEqual({ saved: true, path: target, count: 2 });
    expect(suggested).toEqual(['attune-export-2026-11-23.csv']);
    expect(readFileSync(target, 'utf8')).toContain('second');
    await vault.close();
  });

  test('cancelling the dialog writes nothing', async () => {
    const root = tempDir();
    const vault = await unlockedVault(root);
    const handlers = createExportHandlers(vault, { chooseSavePath: async () => null });
    expect(await handlers['vault.saveExport']({ format: 'json', confirmPlaintext: true }, ctx)).toEqual({ saved: false });
    expect(existsSync(join(root, 'exports'))).toBe(false);
    await vault.close();
  });

  test('the suggested name says nothing about what is inside', () => {
    expect(suggestedExportName(0, 'json')).toBe('attune-export-1970-01-01.json');
  });
});
