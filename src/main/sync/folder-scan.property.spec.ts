import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { EMPTY_SCAN_STATE, scanFolder, type ScanResult, type ScanState } from './folder-scan';
import type { EncodedSegment } from './segment-codec';
import { chainOf, countingFs, deviceDir, keyFor, OWN_DEVICE, segmentAfter, VAULT_ID } from './testing/scan-fixture';
import { DEVICE_A } from './testing/sync-records';

/**
 * Whatever a sync tool makes of a peer's folder on the way — files cut
 * short, empty, garbage of the right length, links, folders, temp names and
 * conflict copies, in any order over several passes — a pass never throws,
 * accepts only the real bytes under their own names, each once, one seq
 * again only after the file first taken for it left (a held branch released),
 * and a pass right after another reads nothing. Once the real files are all
 * there, everything is accepted and nothing is pending or waited for.
 */
const tempDir = useTempDirs();
const CHAIN = chainOf(DEVICE_A, 6, { 3: 'checkpoint' });

type Shape = 'exact' | 'cut' | 'empty' | 'garbage' | 'link' | 'folder' | 'temp' | 'conflict';
const shape = fc.constantFrom<Shape>('exact', 'cut', 'empty', 'garbage', 'link', 'folder', 'temp', 'conflict');
const arrival = fc.record({ index: fc.nat(CHAIN.length - 1), shape, round: fc.nat(3) });

const place = (root: string, outside: string, segment: EncodedSegment, how: Shape): void => {
  const dir = deviceDir(root, DEVICE_A);
  const path = join(dir, segment.name);
  rmSync(path, { recursive: true, force: true });
  if (how === 'exact') writeFileSync(path, segment.bytes);
  if (how === 'cut') writeFileSync(path, segment.bytes.subarray(0, segment.bytes.length - 7));
  if (how === 'empty') writeFileSync(path, '');
  if (how === 'garbage') writeFileSync(path, Buffer.alloc(segment.bytes.length, 9));
  if (how === 'folder') mkdirSync(path);
  if (how === 'temp') writeFileSync(join(dir, `.syncthing.${segment.name}.tmp`), segment.bytes.subarray(0, 40));
  if (how === 'conflict') writeFileSync(join(dir, `${segment.name.slice(0, -5)} (1).alog`), segment.bytes);
  if (how === 'link') {
    const target = join(outside, segment.name);
    writeFileSync(target, segment.bytes);
    symlinkSync(target, path);
  }
};

/** The real bytes, delivered as a sync tool does: a temp file renamed over the name. */
const deliver = (root: string, segment: EncodedSegment): void => {
  const path = join(deviceDir(root, DEVICE_A), segment.name);
  rmSync(path, { recursive: true, force: true });
  writeFileSync(`${path}.arriving`, segment.bytes);
  renameSync(`${path}.arriving`, path);
};

describe('scanFolder under a misbehaving sync tool', () => {
  it('never throws, accepts only real segments once each, and settles', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arrival, { maxLength: 14 }), fc.boolean(), async (arrivals, withFork) => {
        const root = join(tempDir('attune-scan-property-'), 'attune-sync');
        const outside = tempDir('attune-scan-outside-');
        mkdirSync(deviceDir(root, DEVICE_A), { recursive: true });
        const fork = segmentAfter(DEVICE_A, CHAIN[3], 5, { variant: 'fork' });
        const real = new Map([...CHAIN, fork].map((segment) => [segment.name, segment]));
        let state: ScanState = EMPTY_SCAN_STATE;
        const acceptedNames: string[] = [];
        const bySeq = new Map<string, string>();
        const pass = async (): Promise<ScanResult> => {
          const result = await scanFolder(root, state, { vaultId: VAULT_ID, ownDeviceId: OWN_DEVICE, keyFor });
          state = result.state;
          for (const { name } of result.accepted) {
            // A seq is taken again only once the file first taken for it has left the folder: a held branch
            // released (§7.1), whose files are then judged afresh.
            const before = bySeq.get(name.slice(4, 12));
            if (before !== undefined) expect(existsSync(join(deviceDir(root, DEVICE_A), before)), name).toBe(false);
            bySeq.set(name.slice(4, 12), name);
          }
          acceptedNames.push(...result.accepted.map(({ name }) => name));
          // Nothing changed since: the next pass opens no file.
          const fs = countingFs();
          const again = await scanFolder(root, state, { vaultId: VAULT_ID, ownDeviceId: OWN_DEVICE, keyFor, fs });
          expect(fs.calls.read).toEqual([]);
          expect(again.accepted).toEqual([]);
          return result;
        };

        for (let round = 0; round <= 3; round += 1) {
          for (const { index, shape: how } of arrivals.filter((one) => one.round === round)) place(root, outside, CHAIN[index]!, how);
          if (withFork && round === 1) deliver(root, fork);
          await pass();
        }
        for (const segment of CHAIN) deliver(root, segment);
        const settled = await pass();

        for (const name of acceptedNames) expect(real.has(name)).toBe(true);
        expect(new Set(acceptedNames).size).toBe(acceptedNames.length);
        const report = settled.report.find((one) => one.deviceId === DEVICE_A);
        expect(report).toMatchObject({ unreadable: 0, notOurs: 0 });
        // The checkpoint (3) restates 1 and 2; above it one branch is merged whole and the other held.
        const deviceState = state.devices.get(DEVICE_A)!;
        expect(deviceState.mark.base).toBe(3);
        if (deviceState.mark.segments.get(5)?.hash === fork.hash) {
          // The fork arrived first: the real 5, and 6 which chains onto it, are held.
          expect([...deviceState.mark.segments.keys()].sort()).toEqual([3, 4, 5]);
          expect([...deviceState.held.values()].map((held) => held.seq).sort()).toEqual([5, 6]);
        } else {
          expect([...deviceState.mark.segments.keys()].sort()).toEqual([3, 4, 5, 6]);
          expect(report).toMatchObject({ waiting: [], pending: 0 });
          expect(deviceState.held.size).toBe(withFork ? 1 : 0);
        }
      }),
      {
        numRuns: 40,
        // Found by random runs (one in about twelve failed): the first branch's file goes as the fork arrives.
        examples: [
          [
            [
              { index: 5, shape: 'conflict', round: 1 },
              { index: 5, shape: 'exact', round: 0 },
            ],
            true,
          ],
          [
            [
              { index: 4, shape: 'temp', round: 1 },
              { index: 4, shape: 'exact', round: 0 },
            ],
            true,
          ],
        ],
      },
    );
  });
});
