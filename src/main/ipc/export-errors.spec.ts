import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { errorCopy } from '../../shared/copy';
import { exportContract } from '../../shared/ipc/export-contract';
import { insightsContract } from '../../shared/ipc/insights-contract';
import type { ErrorCode } from '../../shared/ipc/result';
import { type FsPort, nodeFs } from '../fs/fs-port';
import { createMemoryLogger } from '../log/logger';
import { checkIn, makeVault } from '../vault/testing/vault-fixtures';
import type { VaultService } from '../vault/vault-service';
import type { CallContext } from './call-context';
import { createDispatch } from './dispatch';
import { createExportHandlers } from './export-handlers';
import { createInsightsHandlers } from './insights-handlers';

/**
 * Saving a copy where the person chose, through the real path: the IPC gate,
 * the handler, the vault and the disk (temp folders). Each way the chosen
 * place can let a save down has its own calm message naming the place and
 * what helps — never "Attune could not read that request" (the walk's find).
 */
const ctx: CallContext = { window: 'app' };
const tempDir = useTempDirs();
const vaults: VaultService[] = [];

/** The real file system, except that opening a file in `dir` fails the way a read-only or full disk fails. */
const failingIn = (dir: string, code: string): FsPort => ({
  ...nodeFs,
  open: (path, flags, mode) =>
    path.startsWith(`${dir}/`) ? Promise.reject(Object.assign(new Error(`${code}: ${path}`), { code })) : nodeFs.open(path, flags, mode),
});

let out: string;
beforeEach(() => {
  out = tempDir('attune-export-to-');
});
afterEach(async () => {
  for (const vault of vaults.splice(0)) await vault.close();
});

const saveExportTo = async (path: string, fs?: FsPort) => {
  const vault = makeVault(tempDir(), fs ? { fs } : {});
  vaults.push(vault);
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  await vault.append(checkIn('kept'));
  const dispatch = createDispatch(exportContract, createExportHandlers(vault, { chooseSavePath: async () => path }), createMemoryLogger());
  return dispatch('vault.saveExport', { format: 'csv', confirmPlaintext: true }, ctx);
};

const calm = (code: ErrorCode) => ({ ok: false, error: { code, message: errorCopy[code] } });

describe('export to a place that cannot take the file', () => {
  test('a folder that is not there any more: says so and what to do, not "could not read that request"', async () => {
    const result = await saveExportTo(join(out, 'unplugged-drive', 'attune-export.csv'));
    expect(result).toEqual(calm('export-folder-missing'));
    expect(JSON.stringify(result)).not.toMatch(/could not read that request/);
    expect(errorCopy['export-folder-missing']).toMatch(/folder is not there any more.*history is unchanged.*choose another folder/);
    expect(await readdir(out)).toEqual([]);
  });

  test('a "folder" that is a file is the same: the place is not there', async () => {
    await writeFile(join(out, 'not-a-folder'), 'x');
    expect(await saveExportTo(join(out, 'not-a-folder', 'attune-export.csv'))).toEqual(calm('export-folder-missing'));
  });

  test.each(['EACCES', 'EROFS', 'EPERM'])('a folder Attune cannot write in (%s): its own message, naming another folder', async (code) => {
    expect(await saveExportTo(join(out, 'attune-export.csv'), failingIn(out, code))).toEqual(calm('export-not-writable'));
    expect(errorCopy['export-not-writable']).toMatch(/can’t write in that folder.*history is unchanged.*choose another folder/);
    expect(await readdir(out)).toEqual([]);
  });

  test.each(['ENOSPC', 'EDQUOT'])('a full disk (%s): its own message, with space or another place as the way on', async (code) => {
    expect(await saveExportTo(join(out, 'attune-export.csv'), failingIn(out, code))).toEqual(calm('export-disk-full'));
    expect(errorCopy['export-disk-full']).toMatch(/no space left on that disk.*history is unchanged.*Free some space, or .*another place/);
  });

  test('the same place, once it is back, takes the file', async () => {
    expect(await saveExportTo(join(out, 'attune-export.csv'))).toMatchObject({ ok: true, value: { saved: true, count: 1 } });
  });

  test('the summary to share says the same when its folder is gone', async () => {
    const vault = makeVault(tempDir());
    vaults.push(vault);
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    const handlers = createInsightsHandlers(vault, { chooseSavePath: async () => join(out, 'gone', 'attune-summary.html') });
    const dispatch = createDispatch(insightsContract, handlers, createMemoryLogger());
    const include = { states: true, needs: true, whatHelped: true, notes: false };
    const result = await dispatch('insights.saveSummary', { from: 0, to: Date.now() + 1, include, confirmPlaintext: true }, ctx);
    expect(result).toEqual(calm('export-folder-missing'));
  });
});
