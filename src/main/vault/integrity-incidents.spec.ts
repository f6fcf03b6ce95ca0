import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { integrityIncidentSchema } from '../../shared/ipc/vault-contract';
import { MAX_INCIDENTS } from '../../shared/vault-incidents';
import { incidentFrom, INCIDENTS_FILE, type IntegrityIncident, parseIncidents, withIncident } from './integrity-incidents';
import { createFakeKeychain } from './testing/fake-keychain';
import { useSpecialFiles } from './testing/special-files';
import { checkIn, makeVault, manualClock, vaultDirIn } from './testing/vault-fixtures';
import type { VaultService } from './vault-service';

/**
 * Records missing, out of order, or swapped in from another copy are repaired
 * by the unlock that finds them, so the next unlock finds nothing: the
 * finding is kept until the person dismisses it.
 */
let root: string;
const keychain = createFakeKeychain();
const clock = manualClock();
const services: VaultService[] = [];
const tempDir = useTempDirs();
const special = useSpecialFiles();
beforeEach(() => {
  root = tempDir();
});
afterEach(async () => {
  for (const vault of services.splice(0)) await vault.close();
});

const journalPath = (at = root): string => join(vaultDirIn(at), 'journal.log');
const lines = async (): Promise<string[]> => (await readFile(journalPath(), 'latin1')).split('\n').filter(Boolean);
const writeLines = (list: string[]): Promise<void> => writeFile(journalPath(), `${list.join('\n')}\n`, 'latin1');

const build = async (count: number, at = root): Promise<void> => {
  const vault = makeVault(at, { keychain, clock });
  await vault.setup({ useKeychain: true, createRecoveryKey: false });
  for (let i = 1; i <= count; i += 1) await vault.append(checkIn(`entry ${i}`));
  await vault.close();
};

const reopen = async (): Promise<VaultService> => {
  for (const previous of services.splice(0)) await previous.close();
  const vault = makeVault(root, { keychain, clock });
  services.push(vault);
  await vault.unlock({ method: 'keychain' });
  return vault;
};

const tamper = {
  missing: async () => {
    const list = await lines();
    list.splice(4, 1);
    await writeLines(list);
  },
  reordered: async () => {
    const list = await lines();
    [list[3], list[4]] = [list[4] as string, list[3] as string];
    await writeLines(list);
  },
  'chain-broken': async () => {
    const fork = tempDir();
    await cp(vaultDirIn(root), vaultDirIn(fork), { recursive: true });
    for (const dir of [root, fork]) {
      const vault = makeVault(dir, { keychain, clock });
      await vault.unlock({ method: 'keychain' });
      await vault.append(checkIn(dir === root ? 'original' : 'forked'));
      if (dir === root) await vault.append(checkIn('original next'));
      await vault.close();
    }
    const list = await lines();
    list[10] = (await readFile(journalPath(fork), 'latin1')).split('\n')[10] as string;
    await writeLines(list);
  },
} as const;

describe('an integrity incident found at unlock', () => {
  it.each(['missing', 'reordered', 'chain-broken'] as const)(
    '%s: still listed after the repair and a restart, until the person dismisses it',
    async (kind) => {
      await build(10);
      await tamper[kind]();
      clock.advance(60_000);
      const finding = await reopen();
      const problems = (await finding.status()).problems.filter((found) => found.kind === kind);
      expect(problems).toHaveLength(1);

      // The unlock repaired the files: the next one finds nothing, yet the finding is still there.
      const later = await reopen();
      expect((await later.status()).problems).toEqual([]);
      const [incident, ...others] = await later.incidents();
      expect(others).toEqual([]);
      expect(incident).toEqual({
        id: expect.stringMatching(new RegExp(`^${clock.now()}-[0-9a-f]{6}$`)),
        foundAt: clock.now(),
        problems: [{ kind, affected: problems[0]?.affected }],
      });
      expect(await readFile(join(vaultDirIn(root), INCIDENTS_FILE), 'utf8')).not.toMatch(/entry \d/);

      expect(await later.dismissIncident((incident as IntegrityIncident).id)).toEqual([]);
      expect(await (await reopen()).incidents()).toEqual([]);
    },
  );

  it('is read only while unlocked, and erase takes it with the history', async () => {
    await build(10);
    await tamper.missing();
    const vault = await reopen();
    await vault.lock();
    await expect(vault.incidents()).rejects.toMatchObject({ code: 'vault-locked' });
    await expect(vault.dismissIncident('1-abcdef')).rejects.toMatchObject({ code: 'vault-locked' });
    await vault.erase();
    await vault.setup({ useKeychain: true, createRecoveryKey: false });
    expect(await vault.incidents()).toEqual([]);
  });

  it('a torn tail (a crash mid-save) is no incident: its copy in recovered/ is its trace', async () => {
    await build(3);
    const bytes = await readFile(journalPath());
    await writeFile(journalPath(), bytes.subarray(0, bytes.length - 20));
    const vault = await reopen();
    expect((await vault.status()).problems.map((found) => found.kind)).toContain('torn-tail');
    expect(await vault.incidents()).toEqual([]);
  });

  it.each([
    ['a damaged file', (path: string) => writeFile(path, '{"format":"attune-vault-inci')],
    ['a FIFO', async (path: string) => special.fifo(path)],
    ['a link to /dev/zero', async (path: string) => special.endless(path)],
  ] as const)('%s in its place reads as none, is never waited on, and the next finding replaces it', async (_label, make) => {
    await build(10);
    await make(join(vaultDirIn(root), INCIDENTS_FILE));
    await tamper.missing();
    const vault = await reopen();
    expect((await vault.incidents()).map((incident) => incident.problems[0]?.kind)).toEqual(['missing']);
  });
});

describe('the incident list (pure)', () => {
  const missing = (seq: number, foundAt: number): IntegrityIncident =>
    incidentFrom([{ kind: 'missing', affected: [{ from: seq, to: seq }], setAside: null }], foundAt) as IntegrityIncident;

  it('only missing, reordered and chain-broken make an incident', () => {
    expect(incidentFrom([{ kind: 'torn-tail', affected: [], setAside: 'x' }], 1)).toBeUndefined();
    expect(incidentFrom([{ kind: 'damaged', affected: [], setAside: 'x' }], 1)).toBeUndefined();
    expect(
      incidentFrom(
        [
          { kind: 'damaged', affected: [], setAside: 'x' },
          { kind: 'reordered', affected: [{ from: 4, to: 5 }], setAside: null },
        ],
        7,
      ),
    ).toEqual({
      id: expect.stringMatching(/^7-[0-9a-f]{6}$/),
      foundAt: 7,
      problems: [{ kind: 'reordered', affected: [{ from: 4, to: 5 }] }],
    });
  });

  it('the same finding again (held in place at every unlock) is kept once; the newest are kept', () => {
    const first = missing(5, 100);
    expect(withIncident([first], missing(5, 200))).toEqual([first]);
    let list: IntegrityIncident[] = [];
    for (let seq = 1; seq <= MAX_INCIDENTS + 3; seq += 1) list = withIncident(list, missing(seq, seq));
    expect(list.map((incident) => incident.foundAt)).toEqual(Array.from({ length: MAX_INCIDENTS }, (_, i) => i + 4));
  });

  it('reads only what Attune writes', () => {
    const good = missing(5, 100);
    const file = (incidents: unknown[]): string => JSON.stringify({ format: 'attune-vault-incidents', version: 1, incidents });
    expect(parseIncidents(file([good]))).toEqual([good]);
    expect(parseIncidents(file([{ ...good, problems: [{ kind: 'torn-tail', affected: [] }] }]))).toEqual([]);
    expect(parseIncidents(file([{ ...good, id: '../x' }]))).toEqual([]);
    expect(parseIncidents(file([{ ...good, problems: [] }]))).toEqual([]);
    expect(parseIncidents(file([{ ...good, extra: 'dropped' }]))).toEqual([good]);
    expect(parseIncidents(JSON.stringify({ incidents: [good] }))).toEqual([]);
    expect(parseIncidents('{')).toEqual([]);
  });

  it('a file edited by hand still gives what the status channel accepts: each id and kind once, ranges capped', () => {
    const good = missing(5, 100);
    const file = (incidents: unknown[]): string => JSON.stringify({ format: 'attune-vault-incidents', version: 1, incidents });
    const many = Array.from({ length: 1500 }, (_, i) => ({ from: i * 2, to: i * 2 }));
    const [parsed] = parseIncidents(file([{ ...good, problems: [{ kind: 'missing', affected: many }, ...good.problems] }, good]));
    expect(parsed?.problems).toHaveLength(1);
    const ranges = parsed?.problems[0]?.affected ?? [];
    expect(ranges).toHaveLength(1000);
    // The first ranges stay exact; the rest fold into one that covers them.
    expect(ranges[0]).toEqual({ from: 0, to: 0 });
    expect(ranges[999]).toEqual({ from: 1998, to: 2998 });
    expect(() => integrityIncidentSchema.parse(parsed)).not.toThrow();
    expect(parseIncidents(file([good, good]))).toEqual([good]);
  });
});
