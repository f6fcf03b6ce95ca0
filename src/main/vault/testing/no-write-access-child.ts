import { isAttuneError } from '../../attune-error';
import { errnoCode } from '../../fs/storage-error';
import { createMemoryLogger } from '../../log/logger';
import { openSettings } from '../../settings/open-settings';
import { openConfSettingsStore } from '../../settings/settings-store-options';
import { createVaultService } from '../vault-service';
import { createFakeKeychain } from './fake-keychain';
import { checkIn, FAST_SCRYPT } from './vault-fixtures';

/**
 * Child process for the EACCES storage-fault test (tests/unit/storage-faults.spec.ts).
 * Tests run as root here, and root is never refused by file permissions, so
 * the parent starts this as an ordinary user (nobody) on folders it may read
 * but not write. It opens the vault and the settings the way the app does,
 * tries every kind of write once, and prints one JSON line: per write, whether
 * it resolved, and if not, the error's class, code and underlying errno.
 *
 * argv: <vault dir> <export path> <settings dir> <id to delete>
 */
interface Attempt {
  ok: boolean;
  attune?: boolean;
  code?: string;
  errno?: string;
  ms: number;
}

const [vaultDir, exportPath, settingsDir, deleteId] = process.argv.slice(2);
if (!vaultDir || !exportPath || !settingsDir || !deleteId)
  throw new Error('usage: no-write-access-child <vault dir> <export path> <settings dir> <id>');

const attempt = async (work: () => Promise<unknown>): Promise<Attempt> => {
  const started = performance.now();
  try {
    await work();
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return {
      ok: false,
      attune: isAttuneError(error),
      code: (error as { code?: string }).code ?? String(error),
      errno: errnoCode(cause) ?? errnoCode(error) ?? '',
      ms: Math.round(performance.now() - started),
    };
  }
};

const run = async (): Promise<void> => {
  const vault = createVaultService({ dir: vaultDir, keychain: createFakeKeychain(), scrypt: FAST_SCRYPT });
  const status = await vault.unlock({ method: 'keychain' });
  const results: Record<string, Attempt> = {
    append: await attempt(() => vault.append(checkIn('cannot be written'))),
    delete: await attempt(() => vault.delete(deleteId)),
    compact: await attempt(() => vault.compact()),
    changePassphrase: await attempt(() => vault.changePassphrase({ method: 'keychain' }, 'a new passphrase')),
    export: await attempt(() => vault.export({ path: exportPath, format: 'json', confirmPlaintext: true })),
  };
  const entryCount = (await vault.list({ limit: 100_000 })).entries.length;
  await vault.close();

  const { settings } = openSettings(settingsDir, openConfSettingsStore, createMemoryLogger());
  const shortcutBefore = settings.get().shortcut;
  results.settings = await attempt(() => settings.set({ shortcut: 'Control+Alt+P' }));
  process.stdout.write(
    `${JSON.stringify({ uid: process.getuid?.(), unlocked: status.state, entryCount, results, shortcutBefore, shortcutAfter: settings.get().shortcut })}\n`,
  );
};

run().catch((error: unknown) => {
  process.stderr.write(`no-write-access-child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
