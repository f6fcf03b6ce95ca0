import { bridge } from '../../lib/bridge';

/**
 * Whether this history syncs with other computers (a link to a sync folder
 * is kept here), for the words of erase and re-key. Known while locked too;
 * false when main cannot say.
 */
export const syncLinked = async (): Promise<boolean> => {
  const result = await bridge().devices.status();
  return result.ok && result.value.linked;
};
