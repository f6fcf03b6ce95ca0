import { join } from 'node:path';

import { type AcceptedSegment, missingDevice, scanDevice, unavailableDevice } from './device-scan';
import { errorCode, nodeScanFs, type ScanFs } from './scan-fs';
import { type DeviceScanState, EMPTY_DEVICE_SCAN, type ScanReport, type ScanState } from './scan-state';
import type { KeyLookup } from './segment-codec';
import { classifyName } from './sync-file-names';

/**
 * The read side of a sync pass (docs/sync-format.md §3, §5.5, §7, §8): list
 * `attune-sync/devices/`, and in every other device's folder judge each
 * exact segment name not judged before. Returns the segments to merge and
 * the next state; the caller merges, persists and shows the report. A pass
 * that finds nothing new lists folders and stats pending names only.
 */

export type { AcceptedSegment } from './device-scan';
export { EMPTY_SCAN_STATE, type ScanReport, type ScanState } from './scan-state';

/** §3.3: at most this many names of one listing are looked at per pass. */
export const MAX_NAMES = 100_000;

export interface ScanOptions {
  readonly vaultId: string;
  /** This device's folder is its own: never read as a peer's. */
  readonly ownDeviceId: string;
  readonly keyFor: KeyLookup;
  readonly maxNames?: number;
  /** For specs: count or fail the effects. */
  readonly fs?: ScanFs;
}

export interface ScanResult {
  readonly state: ScanState;
  /** Authenticated, new, not forked: merge each whole. */
  readonly accepted: AcceptedSegment[];
  /** One per other device listed now or remembered from before, by device id. */
  readonly report: ScanReport[];
}

/**
 * Throws only when `devices/` exists but cannot be listed (the folder is
 * unavailable); no `devices/` at all is an empty result with the state unchanged.
 */
export const scanFolder = async (syncRoot: string, state: ScanState, options: ScanOptions): Promise<ScanResult> => {
  const fs = options.fs ?? nodeScanFs;
  const maxNames = options.maxNames ?? MAX_NAMES;
  const devicesDir = join(syncRoot, 'devices');
  let entries;
  try {
    entries = await fs.list(devicesDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state, accepted: [], report: [] };
    throw error;
  }
  const cut = entries.length > maxNames;
  // A real folder named by a device id exactly; `<id> (1)`, `<id>-2`, links and files are someone else's business.
  const listed = (cut ? entries.slice(0, maxNames) : entries)
    .filter(
      (entry) => entry.isFolder && entry.name !== options.ownDeviceId && classifyName(`devices/${entry.name}`).kind === 'device-folder',
    )
    .map((entry) => entry.name)
    .sort();
  const listedSet = new Set(listed);
  const remembered = [...state.devices.keys()].filter((id) => !listedSet.has(id) && id !== options.ownDeviceId);

  const devices = new Map<string, DeviceScanState>();
  const accepted: AcceptedSegment[] = [];
  const report: ScanReport[] = [];
  const deviceOptions = { vaultId: options.vaultId, keyFor: options.keyFor, maxNames, fs };
  for (const deviceId of [...listed, ...remembered].sort()) {
    const before = state.devices.get(deviceId) ?? EMPTY_DEVICE_SCAN;
    const result = listedSet.has(deviceId)
      ? await scanDevice(join(devicesDir, deviceId), deviceId, before, deviceOptions)
      : // Beyond a cut listing a folder may well be there: judge nothing about it.
        (cut ? unavailableDevice : missingDevice)(deviceId, before);
    devices.set(deviceId, result.state);
    accepted.push(...result.accepted);
    report.push(result.report);
  }
  return { state: { devices }, accepted, report };
};
