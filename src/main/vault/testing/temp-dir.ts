import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real temp folders for vault tests, removed afterwards. */
export const makeTempDir = (prefix = 'attune-vault-'): Promise<string> => mkdtemp(join(tmpdir(), prefix));

export const removeTempDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** Every regular file under `dir`, recursively, with its raw bytes. */
export const readAllFiles = async (dir: string): Promise<Array<{ path: string; bytes: Buffer }>> => {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  const walk = async (folder: string): Promise<void> => {
    for (const name of await readdir(folder)) {
      const path = join(folder, name);
      const info = await stat(path);
      if (info.isDirectory()) await walk(path);
      else out.push({ path, bytes: await readFile(path) });
    }
  };
  await walk(dir);
  return out;
};
