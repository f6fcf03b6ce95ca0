import type { z } from 'zod';

import { appContract } from './app-contract';
import { checkinContract } from './checkin-contract';
import { devicesContract } from './devices-contract';
import { exportContract } from './export-contract';
import { insightsContract } from './insights-contract';
import { pausesContract } from './pauses-contract';
import { recoveryKeyContract } from './recovery-key-contract';
import { vaultContract } from './vault-contract';

/**
 * Every channel the renderer may call, with its request and response schema.
 * Main registers handlers from this table only; the preload exposes exactly
 * these names (see channel-names.ts, kept in step by a type test).
 */
// `vault.export` takes a file path; windows export through `vault.saveExport` instead, where main's
// own save dialog picks the path. So the renderer-facing table leaves it out.
const { 'vault.export': _pathTakingExport, ...windowVaultContract } = vaultContract;

export const contract = {
  ...appContract,
  ...windowVaultContract,
  ...recoveryKeyContract,
  ...pausesContract,
  ...exportContract,
  ...insightsContract,
  ...checkinContract,
  ...devicesContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.infer<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['response']>;
