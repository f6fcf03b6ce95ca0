import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import type { IpcResult } from '../../shared/ipc/result';
import type { Attune } from '../app/create-attune';
import { startStandInAttune } from '../app/testing/start-stand-in-attune';
import { createMemoryLogger } from '../log/logger';
import { checkIn } from '../vault/testing/vault-fixtures';
import type { CallContext } from './call-context';

/**
 * vault.deleteRecovered through the real handler table (stand-in ports at the
 * Electron boundary, real vault on a temp dir): it needs its confirmation,
 * and a locked Attune refuses it before anything is deleted.
 */
const app: CallContext = { window: 'app' };
const tempDir = useTempDirs();
let recovered: string;
let attune: Attune;
const call = (channel: string, payload?: unknown): Promise<IpcResult<unknown>> => attune.dispatch(channel, payload, app);

beforeEach(async () => {
  const dir = tempDir('attune-recovered-');
  attune = (await startStandInAttune({ dataDir: dir, log: createMemoryLogger() })).attune;
  await attune.vault.setup({ passphrase: 'the passphrase', useKeychain: false, createRecoveryKey: false });
  await attune.vault.append(checkIn('private'));
  recovered = join(dir, 'vault', 'recovered');
  mkdirSync(recovered, { recursive: true });
  writeFileSync(join(recovered, 'incident-1-aaaaaa.json'), 'ciphertext');
});
afterEach(() => attune.stop());

describe('vault.deleteRecovered', () => {
  it('needs { confirm: true }', async () => {
    expect(await call('vault.deleteRecovered')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('vault.deleteRecovered', { confirm: false })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(readdirSync(recovered)).toEqual(['incident-1-aaaaaa.json']);
  });

  it('unlocked: deletes, and answers with the new count', async () => {
    expect(await call('vault.deleteRecovered', { confirm: true })).toMatchObject({
      ok: true,
      value: { deleted: 1, left: 0, status: { state: 'unlocked', recoveredFiles: 0 } },
    });
    expect(readdirSync(recovered)).toEqual([]);
  });

  it('locked: refused as the locked history always is, and the file stays', async () => {
    await call('vault.lock');
    expect(await call('vault.deleteRecovered', { confirm: true })).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    expect(readdirSync(recovered)).toEqual(['incident-1-aaaaaa.json']);
    expect(await call('vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } });
  });
});
