import { join } from 'node:path';

import { z } from 'zod';

import { writeFileAtomic } from '../fs/durable-write';
import type { FsPort } from '../fs/fs-port';
import { readRegularFile } from '../fs/regular-file';
import { makeOwnFolder } from './sync-folder-write';

/**
 * `<vault>.sync/former-ids.json`: the device ids this history wrote as
 * before it stopped syncing (§4.5), so that after it joins its folder again
 * under a new id, History does not mark its own earlier check-ins "Added on
 * another computer". Device ids are folder names in the sync folder, not
 * secrets, so the file is plain. Erase everything removes it with the rest.
 */
export const FORMER_IDS_FILE = 'former-ids.json';
const MAX_IDS = 64;
const HEX32 = /^[0-9a-f]{32}$/;

const formerIdsSchema = z.strictObject({
  format: z.literal('attune-sync-former-ids'),
  version: z.literal(1),
  ids: z.array(z.string().regex(HEX32)).max(MAX_IDS),
});

/** The ids kept, or none when there is no file or it is not ours (it only ever affects History's marks). */
export const readFormerIds = async (localDir: string): Promise<string[]> => {
  try {
    const parsed = formerIdsSchema.safeParse(
      JSON.parse((await readRegularFile(join(localDir, FORMER_IDS_FILE), 16 * 1024, { noFollow: true })).toString('utf8')),
    );
    return parsed.success ? parsed.data.ids : [];
  } catch {
    return [];
  }
};

/** Adds `ids` to the kept ones (the newest kept when there are more than fit). */
export const addFormerIds = async (fs: FsPort, localDir: string, ids: readonly string[]): Promise<void> => {
  const kept = [...new Set([...(await readFormerIds(localDir)), ...ids.filter((id) => HEX32.test(id))])].slice(-MAX_IDS);
  await makeOwnFolder(fs, localDir);
  const file = { format: 'attune-sync-former-ids', version: 1, ids: kept } satisfies z.infer<typeof formerIdsSchema>;
  await writeFileAtomic(fs, join(localDir, FORMER_IDS_FILE), Buffer.from(`${JSON.stringify(file)}\n`, 'utf8'));
};
