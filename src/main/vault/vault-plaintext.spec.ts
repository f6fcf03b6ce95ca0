import { randomBytes } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { readAllFiles, useTempDirs } from '../../../tests/support/temp-dir';
import { makeVault, vaultDirIn } from './testing/vault-fixtures';

/**
 * The privacy promise, checked on raw bytes: a unique note saved through the
 * API never appears in readable form anywhere under the data folder — not in
 * the journal, snapshot, key file, lock file, recovered/ side files or a
 * leftover temp file — after appends, compaction, a torn tail, a delete,
 * a passphrase change and a lock.
 */
let dataDir: string;
let elsewhere: string;
const tempDir = useTempDirs();
beforeEach(() => {
  dataDir = tempDir('attune-data-');
  elsewhere = tempDir('attune-export-');
});

const forms = (text: string): Buffer[] => [
  Buffer.from(text, 'utf8'),
  Buffer.from(text, 'utf16le'),
  Buffer.from(text.toLowerCase(), 'utf8'),
];

describe('plaintext never reaches the data folder', () => {
  it('finds no trace of the note, step, need text or follow-up text in any byte on disk', async () => {
    const marker = `marker-${randomBytes(8).toString('hex')}-ünïcødé`;
    const vault = makeVault(dataDir);
    const { recoveryKey } = await vault.setup({ passphrase: 'first passphrase', useKeychain: true, createRecoveryKey: true });
    await vault.keepRecoveryKey(recoveryKey as string);
    const noted = await vault.append({
      kind: 'check-in',
      data: {
        states: ['fawn'],
        needs: ['space', 'something-else'],
        needText: `need ${marker}`,
        step: { text: `step ${marker}` },
        note: `note ${marker}`,
      },
    });
    await vault.append({ kind: 'follow-up', data: { checkInId: noted.id, outcome: 'not-really', instead: `instead ${marker}` } });
    const doomed = await vault.append({ kind: 'check-in', data: { states: [], needs: [], note: `deleted ${marker}` } });
    await vault.compact();
    await vault.append({ kind: 'check-in', data: { states: [], needs: [], note: `in the journal ${marker}` } });
    await vault.delete(doomed.id);
    await vault.append({ kind: 'check-in', data: { states: [], needs: [], note: `torn soon ${marker}` } });
    await vault.close();
    // A torn tail made of a real record's first half: its bytes go to recovered/.
    const journalPath = join(vaultDirIn(dataDir), 'journal.log');
    const journal = await readFile(journalPath, 'latin1');
    await appendFile(journalPath, journal.slice(0, Math.floor(journal.length / 2)), 'latin1');

    const again = makeVault(dataDir, { keychain: vault.keychainFake });
    const status = await again.unlock({ method: 'keychain' });
    expect(status.problems.map((p) => p.kind)).toEqual(['torn-tail']);
    await again.changePassphrase({ method: 'passphrase', passphrase: 'first passphrase' }, 'second passphrase');
    const exported = await again.export({ path: join(elsewhere, 'history.json'), format: 'json', confirmPlaintext: true });
    expect(await readFile(exported.path, 'utf8')).toContain(marker);
    await again.lock();

    const files = readAllFiles(dataDir);
    expect(files.map((f) => f.path.slice(dataDir.length)).sort()).toEqual([
      '/vault.lock',
      // The high-water mark beside the folder: sealed with the data key, so it is checked like the rest.
      '/vault.mark',
      '/vault/journal.log',
      expect.stringMatching(/^\/vault\/recovered\/incident-\d+-[0-9a-f]{6}\.json$/),
      '/vault/snapshot.bin',
      '/vault/vault.json',
    ]);
    for (const { path, bytes } of files) {
      for (const form of forms(marker)) expect(bytes.includes(form), `${path} contains the marker`).toBe(false);
      // Ids of the choices too (long enough that random base64 cannot hit them by chance).
      for (const word of ['something-else', 'not-really', 'check-in', 'follow-up']) {
        expect(bytes.includes(Buffer.from(word)), `${path} contains "${word}"`).toBe(false);
      }
    }
    await again.close();
  });
});
