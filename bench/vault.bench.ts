import { appendFileSync, closeSync, fsyncSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Conf from 'conf';

import { writeFileAtomic } from '../src/main/fs/durable-write';
import { nodeFs } from '../src/main/fs/fs-port';
import { importKey } from '../src/main/vault/aead';
import { DEFAULT_SCRYPT, deriveFromPassphrase } from '../src/main/vault/kdf';
import { encodeSnapshot, type StoredEntry } from '../src/main/vault/snapshot-codec';
import { createFakeKeychain } from '../src/main/vault/testing/fake-keychain';
import { createVaultService, type VaultService } from '../src/main/vault/vault-service';
import { createVault } from '../src/main/vault/vault-setup';
import type { Entry, EntryInput } from '../src/shared/entry-schema';
import { type BenchRow, percentile, timeMs, timeMsAsync } from './bench-row';

/**
 * Vault figures for issue 4 part 7, each beside a baseline measured in the
 * same run: a raw appendFileSync+fsyncSync of a line the same size as a vault
 * record, and `conf` (electron-store's engine) with `encryptionKey`, holding
 * the entries in one array — what most Electron apps do, rewriting and
 * re-encrypting the whole file on every write.
 *
 * Vaults of 10k/100k entries are built directly (snapshot written by the same
 * codec the app uses), then appended to through the real service, so the
 * journal holds a realistic tail when the open is timed. The keychain is the
 * test stand-in (AES-GCM); safeStorage itself needs Electron.
 */
const APPEND_SAMPLES = 300;
const WARMUP = 30;
const PASSPHRASE = 'a bench passphrase';

const notes = [
  '',
  'Long day.',
  'Meeting ran over; jaw tight, shoulders up.',
  'Slept badly, noise from next door until late, felt on edge all morning.',
];
const makeEntry = (i: number, at: number): Entry =>
  i % 5 === 4
    ? {
        id: `f${String(i).padStart(21, '0')}`,
        at,
        offsetMinutes: 60,
        kind: 'follow-up',
        data: { checkInId: `c${String(i - 1).padStart(21, '0')}`, outcome: 'a-bit' },
      }
    : {
        id: `c${String(i).padStart(21, '0')}`,
        at,
        offsetMinutes: 60,
        kind: 'check-in',
        data: {
          states: i % 3 === 0 ? ['freeze', 'withdrawal'] : ['flight'],
          driver: 'reacting',
          capacity: (i % 5) + 1,
          needs: ['rest', 'quiet'],
          step: { id: 'drink-water', text: 'A glass of water by the window' },
          ...(notes[i % notes.length] ? { note: notes[i % notes.length] } : {}),
        },
      };
const START = Date.UTC(2024, 0, 1);
const makeEntries = (count: number): Entry[] => Array.from({ length: count }, (_, i) => makeEntry(i, START + i * 3_600_000));

interface Built {
  dir: string;
  service: () => VaultService;
}

const keychain = createFakeKeychain();

/** A vault whose snapshot already holds `count` entries, written with the app's own codec. */
const buildVault = async (root: string, count: number, withPassphrase = false): Promise<Built> => {
  const dir = join(root, `vault-${count}${withPassphrase ? '-pass' : ''}`);
  const outcome = await createVault(
    nodeFs,
    dir,
    keychain,
    { useKeychain: true, createRecoveryKey: false, ...(withPassphrase ? { passphrase: PASSPHRASE } : {}) },
    DEFAULT_SCRYPT,
    START,
  );
  const key = importKey(outcome.dataKey);
  outcome.dataKey.fill(0);
  const stored: StoredEntry[] = makeEntries(count).map((entry, i) => ({ seq: i + 1, entry }));
  await writeFileAtomic(nodeFs, join(dir, 'snapshot.bin'), encodeSnapshot(key, outcome.keyFile.keyId, stored, count, START).bytes);
  return { dir, service: () => createVaultService({ dir, keychain }) };
};

const stats = (samples: number[]): { p50: number; p99: number } => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/**
 * Vault appends, each followed by a raw append+fsync of a line the same size
 * on a plain file: alternating puts both under the same disk conditions
 * (the raw figure drifts by ±30% between runs on this VM otherwise).
 */
const appendTimes = async (built: Built, count: number): Promise<{ vault: number[]; raw: number[]; lineBytes: number }> => {
  const vault = built.service();
  await vault.unlock({ method: 'keychain' });
  const input = (i: number): EntryInput => {
    const { id: _id, at: _at, offsetMinutes: _offset, ...rest } = makeEntry(count + i, START + (count + i) * 3_600_000);
    return rest as EntryInput;
  };
  for (let i = 0; i < WARMUP; i += 1) await vault.append(input(i));
  const journal = readFileSync(join(built.dir, 'journal.log'), 'latin1');
  const lineBytes = Math.round(journal.length / journal.split('\n').filter(Boolean).length);
  const line = `${'x'.repeat(lineBytes - 1)}\n`;
  const fd = openSync(join(built.dir, '..', `raw-${count}.log`), 'a');
  const times = { vault: [] as number[], raw: [] as number[], lineBytes };
  try {
    for (let i = 0; i < APPEND_SAMPLES; i += 1) {
      times.vault.push(await timeMsAsync(() => vault.append(input(WARMUP + i))));
      times.raw.push(
        timeMs(() => {
          appendFileSync(fd, line);
          fsyncSync(fd);
        }),
      );
    }
  } finally {
    closeSync(fd);
  }
  await vault.close();
  return times;
};

const openTimes = async (built: Built, samples: number): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const vault = built.service();
    times.push(await timeMsAsync(() => vault.unlock({ method: 'keychain' })));
    await vault.close();
  }
  return times;
};

const median = (samples: number[]): number =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

const vaultBytes = (dir: string): number => statSync(join(dir, 'snapshot.bin')).size + statSync(join(dir, 'journal.log')).size;

/** conf with encryptionKey and all entries in one array: every append rewrites (and re-encrypts) everything. */
const confBaseline = (
  root: string,
  count: number,
  appends: number,
  opens: number,
): { append: number[]; open: number[]; bytesPerEntry: number } => {
  const cwd = join(root, `conf-${count}`);
  const options = { cwd, configName: 'history', encryptionKey: 'bench key', projectName: 'attune-bench' };
  const store = new Conf<{ entries: Entry[] }>(options);
  const entries = makeEntries(count);
  store.set('entries', entries);
  const append: number[] = [];
  for (let i = 0; i < appends; i += 1) {
    entries.push(makeEntry(count + i, START + (count + i) * 3_600_000));
    append.push(timeMs(() => store.set('entries', entries)));
  }
  const open: number[] = [];
  for (let i = 0; i < opens; i += 1) open.push(timeMs(() => new Conf<{ entries: Entry[] }>(options).get('entries')));
  return { append, open, bytesPerEntry: statSync(store.path).size / entries.length };
};

const row = (name: string, value: number, unit: string, extra: Partial<BenchRow> = {}): BenchRow => ({
  group: 'vault',
  name,
  value,
  unit,
  ...extra,
});
const fmt = (value: number): string => value.toPrecision(3);

export default async function vaultBench(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'attune-bench-'));
  try {
    const sizes = [1_000, 10_000, 100_000] as const;
    const built = new Map<number, Built>();
    const append = new Map<number, { p50: number; p99: number }>();
    const raw = new Map<number, { p50: number; p99: number }>();
    let lineBytes = 0;
    // Build every vault first: a 27 MB snapshot written just before a run would still be in the disk's writeback and skew it.
    for (const size of sizes) built.set(size, await buildVault(root, size));
    for (const size of sizes) {
      const times = await appendTimes(built.get(size) as Built, size);
      append.set(size, stats(times.vault));
      raw.set(size, stats(times.raw));
      lineBytes = times.lineBytes;
    }

    const open10k = median(await openTimes(built.get(10_000) as Built, 15));
    const open100k = median(await openTimes(built.get(100_000) as Built, 7));

    const withPassphrase = await buildVault(root, 10_000, true);
    const unlock: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const vault = withPassphrase.service();
      unlock.push(await timeMsAsync(() => vault.unlock({ method: 'passphrase', passphrase: PASSPHRASE })));
      await vault.close();
    }
    const scryptTimes: number[] = [];
    for (let i = 0; i < 3; i += 1)
      scryptTimes.push(await timeMsAsync(() => deriveFromPassphrase(PASSPHRASE, Buffer.alloc(16, 1), DEFAULT_SCRYPT)));
    const scryptAlone = median(scryptTimes);

    const conf1k = confBaseline(root, 1_000, 30, 3);
    const conf10k = confBaseline(root, 10_000, 10, 3);
    const conf100k = confBaseline(root, 100_000, 3, 2);
    const confP50 = (samples: number[]): number => median(samples);

    const a1 = append.get(1_000) as { p50: number; p99: number };
    const a10 = append.get(10_000) as { p50: number; p99: number };
    const a100 = append.get(100_000) as { p50: number; p99: number };
    const r10 = raw.get(10_000) as { p50: number; p99: number };
    const r100 = raw.get(100_000) as { p50: number; p99: number };
    const c10 = confP50(conf10k.append);
    const c100 = confP50(conf100k.append);
    const perEntry10k = vaultBytes((built.get(10_000) as Built).dir) / (10_000 + WARMUP + APPEND_SAMPLES);
    const perEntry100k = vaultBytes((built.get(100_000) as Built).dir) / (100_000 + WARMUP + APPEND_SAMPLES);

    return [
      row('append p50 @1k entries (incl. fsync)', a1.p50, 'ms', {
        ratio: { value: confP50(conf1k.append) / a1.p50, against: 'conf append p50 @1k (× faster)' },
      }),
      row('append p99 @1k entries', a1.p99, 'ms'),
      row('append p50 @10k entries', a10.p50, 'ms', {
        target: '≥ 100× faster than conf',
        meets: c10 / a10.p50 >= 100,
        ratio: { value: c10 / a10.p50, against: 'conf append p50 @10k (× faster)' },
      }),
      row('append p99 @10k entries', a10.p99, 'ms'),
      row('append p50 @100k entries', a100.p50, 'ms', {
        target: '≥ 1000× faster than conf',
        meets: c100 / a100.p50 >= 1000,
        ratio: { value: c100 / a100.p50, against: 'conf append p50 @100k (× faster)' },
      }),
      row('append p99 @100k entries', a100.p99, 'ms'),
      row('append p50 @10k ÷ raw append+fsync p50', a10.p50 / r10.p50, '×', {
        target: '≤ 1.5×',
        meets: a10.p50 / r10.p50 <= 1.5,
        ratio: { value: a10.p50 / r10.p50, against: `raw ${fmt(r10.p50)} ms, same run, alternating` },
      }),
      row('append p50 @100k ÷ raw append+fsync p50', a100.p50 / r100.p50, '×', {
        target: '≤ 1.5×',
        meets: a100.p50 / r100.p50 <= 1.5,
        ratio: { value: a100.p50 / r100.p50, against: `raw ${fmt(r100.p50)} ms, same run, alternating` },
      }),
      row('append flat: p50 @100k ÷ p50 @1k', a100.p50 / a1.p50, '×', { target: '≤ 1.2×', meets: a100.p50 / a1.p50 <= 1.2 }),
      row('open + decrypt all @10k (snapshot + 330-record tail)', open10k, 'ms', {
        target: '≤ 40 ms',
        meets: open10k <= 40,
        ratio: { value: median(conf10k.open) / open10k, against: 'conf open @10k (× faster)' },
      }),
      row('open + decrypt all @100k (snapshot + 330-record tail)', open100k, 'ms', {
        target: '≤ 300 ms',
        meets: open100k <= 300,
        ratio: { value: median(conf100k.open) / open100k, against: 'conf open @100k (× faster)' },
      }),
      row('unlock with passphrase @10k (scrypt N=2^17 + open)', median(unlock), 'ms', { target: '≤ 400 ms', meets: median(unlock) <= 400 }),
      row('scrypt N=2^17 r=8 p=1 alone', scryptAlone, 'ms'),
      row('file size per entry @10k (snapshot + journal)', perEntry10k, 'B', {
        ratio: { value: conf10k.bytesPerEntry / perEntry10k, against: 'conf bytes/entry (× smaller)' },
      }),
      row('file size per entry @100k', perEntry100k, 'B', {
        ratio: { value: conf100k.bytesPerEntry / perEntry100k, against: 'conf bytes/entry (× smaller)' },
      }),
      row('journal line per appended entry', lineBytes, 'B'),
      {
        group: 'baseline',
        name: `raw appendFileSync+fsyncSync p50 (${lineBytes} B line, alternating with @10k)`,
        value: r10.p50,
        unit: 'ms',
      },
      { group: 'baseline', name: 'raw appendFileSync+fsyncSync p99 (alternating with @10k)', value: r10.p99, unit: 'ms' },
      { group: 'baseline', name: 'conf append p50 @1k (encryptionKey, one array)', value: confP50(conf1k.append), unit: 'ms' },
      { group: 'baseline', name: 'conf append p50 @10k', value: c10, unit: 'ms' },
      { group: 'baseline', name: `conf append p50 @100k (${conf100k.append.length} samples)`, value: c100, unit: 'ms' },
      { group: 'baseline', name: 'conf open @10k', value: median(conf10k.open), unit: 'ms' },
      { group: 'baseline', name: 'conf open @100k', value: median(conf100k.open), unit: 'ms' },
      { group: 'baseline', name: 'conf file size per entry @100k', value: conf100k.bytesPerEntry, unit: 'B' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
