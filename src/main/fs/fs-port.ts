import * as fs from 'node:fs';

/**
 * The file effects main performs through a port, as one small object (today
 * the vault's; durable-write's async moves take it too). The default is plain
 * node:fs. It exists so tests can run the real fs underneath and still make
 * one call fail the way a full disk does mid-write (a short write, then
 * ENOSPC) on machines where a tiny tmpfs cannot be mounted.
 *
 * Callback APIs wrapped by hand rather than fs.promises/FileHandle: on the
 * append path each await is a thread-pool round trip, and the callback form
 * measured ~30% faster per write+fsync than FileHandle here.
 */
export interface FsPort {
  open(path: string, flags: string | number, mode?: number): Promise<number>;
  write(fd: number, buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  /** Same, blocking: the journal append (see VaultStore.append for why and when) and writeFileAtomicSync. */
  writeSync(fd: number, buffer: Buffer, offset: number, length: number, position: number): number;
  fsync(fd: number): Promise<void>;
  ftruncate(fd: number, length: number): Promise<void>;
  close(fd: number): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Create one folder (its parent exists); already there is fine. */
  mkdir(path: string, mode: number): Promise<void>;
  readdir(path: string): Promise<string[]>;
  rmrf(path: string): Promise<void>;
  /** Size in bytes, or undefined when the path does not exist. */
  size(path: string): Promise<number | undefined>;
  /** Blocking twins for one small durable write made on the main process (write-pace.ts says when). */
  openSync(path: string, flags: string | number, mode?: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

const done =
  (resolve: () => void, reject: (error: Error) => void) =>
  (error: Error | null): void => {
    if (error) reject(error);
    else resolve();
  };

export const nodeFs: FsPort = {
  open: (path, flags, mode) =>
    new Promise((resolve, reject) => fs.open(path, flags, mode, (error, fd) => (error ? reject(error) : resolve(fd)))),
  write: (fd, buffer, offset, length, position) =>
    new Promise((resolve, reject) =>
      fs.write(fd, buffer, offset, length, position, (error, written) => (error ? reject(error) : resolve(written))),
    ),
  writeSync: (fd, buffer, offset, length, position) => fs.writeSync(fd, buffer, offset, length, position),
  fsync: (fd) => new Promise((resolve, reject) => fs.fsync(fd, done(resolve, reject))),
  ftruncate: (fd, length) => new Promise((resolve, reject) => fs.ftruncate(fd, length, done(resolve, reject))),
  close: (fd) => new Promise((resolve, reject) => fs.close(fd, done(resolve, reject))),
  readFile: (path) => fs.promises.readFile(path),
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (path) => fs.promises.unlink(path),
  // Not recursive: Node's recursive mkdir reports ENOENT instead of EROFS on a read-only mount, hiding the real cause.
  mkdir: async (path, mode) => {
    try {
      await fs.promises.mkdir(path, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  },
  readdir: (path) => fs.promises.readdir(path),
  rmrf: (path) => fs.promises.rm(path, { recursive: true, force: true }),
  size: async (path) => {
    try {
      return (await fs.promises.stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (path) => fs.unlinkSync(path),
};
