import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { AttuneError } from '../attune-error';
import { isNotRegularFile, readRegularFileSync } from '../fs/regular-file';
import { errnoCode } from '../fs/storage-error';

/**
 * One writer per vault, across processes. Electron's single-instance lock
 * covers the normal case; this file lock also covers a second copy started
 * with another profile, a dev build beside the installed app, or a test.
 *
 * The lock is a file created with O_EXCL holding {pid, token, createdAt}.
 * A lock is stale when its process is gone (kill(pid, 0) → ESRCH) or it was
 * created before this boot (the pid may now belong to someone else). A stale
 * lock is taken over by renaming it away first: only one contender can
 * rename a given file, so two processes never both "remove" it and both win.
 */
export interface LockOwner {
  pid: number;
  token: string;
  createdAt: number;
  /** The owner process's start time as the OS tells it (Linux: /proc/<pid>/stat field 22); absent where unknown. */
  start?: string;
  /** The owner process's name (Linux: /proc/<pid>/comm); absent where unknown. */
  name?: string;
}

/** Which process runs under a pid now, where the OS tells (Linux); pid plus start time names one process per boot. */
export interface ProcessIdentity {
  start: string;
  name: string;
}

export interface LockEnvironment {
  now(): number;
  isAlive(pid: number): boolean;
  /** When this machine booted, epoch ms. */
  bootTime(): number;
  /** Undefined where the OS does not tell (macOS, Windows) or the process is gone. */
  processIdentity?(pid: number): ProcessIdentity | undefined;
}

/** Linux: `/proc/<pid>/stat` is "pid (comm) state …"; the name may hold spaces and ')' so it ends at the last ')'. */
export const parseProcStat = (stat: string): ProcessIdentity | undefined => {
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After the name come fields 3, 4, …; the start time is field 22.
  const start = stat
    .slice(close + 2)
    .split(' ')
    .at(22 - 3);
  return start && /^\d+$/.test(start) ? { start, name: stat.slice(open + 1, close) } : undefined;
};

export const systemLockEnvironment: LockEnvironment = {
  now: () => Date.now(),
  isAlive: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: the pid exists but belongs to another user, so it is alive.
      return errnoCode(error) === 'EPERM';
    }
  },
  bootTime: () => Date.now() - uptime() * 1000,
  processIdentity: (pid) => {
    if (process.platform !== 'linux') return undefined;
    try {
      return parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return undefined;
    }
  },
};

/** An unreadable lock younger than this may be a contender between create and write: not stale yet. */
const UNREADABLE_GRACE_MS = 10_000;

export type LockState = { kind: 'held'; owner: LockOwner } | { kind: 'stale'; owner: LockOwner | undefined };

/**
 * Pure: is this lock file's owner still there? A live pid is not enough: pids
 * are reused (after a crash, in a container), so where the OS tells which
 * process runs under it, that process must be the one that wrote the lock —
 * the same start time, or, for a lock that names none, a process of the
 * same name as this one. A lock naming pid 1, or any process that is not
 * Attune, is stale.
 */
export const judgeLock = (owner: LockOwner | undefined, ageMs: number, env: LockEnvironment): LockState => {
  if (!owner) return ageMs < UNREADABLE_GRACE_MS ? { kind: 'held', owner: { pid: 0, token: '', createdAt: 0 } } : { kind: 'stale', owner };
  if (owner.createdAt < env.bootTime() - 60_000) return { kind: 'stale', owner };
  if (!env.isAlive(owner.pid)) return { kind: 'stale', owner };
  const running = env.processIdentity?.(owner.pid);
  if (running) {
    const own = env.processIdentity?.(process.pid);
    // Without our own name to compare with, a lock naming no start time is given the benefit of the doubt.
    const same = owner.start !== undefined ? owner.start === running.start : own === undefined || running.name === own.name;
    if (!same) return { kind: 'stale', owner };
  }
  return { kind: 'held', owner };
};

/** Something other than a regular file at the lock's path: no Attune wrote it, and it is never read (a FIFO would block). */
const NOT_A_FILE = 'not-a-file';

/** A lock file holds a pid, a token and a time; anything larger was not written by Attune. */
const MAX_LOCK_BYTES = 4 * 1024;

const readOwner = (path: string): LockOwner | undefined | typeof NOT_A_FILE => {
  try {
    const value = JSON.parse(readRegularFileSync(path, MAX_LOCK_BYTES).toString('utf8')) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.token === 'string' && typeof value.createdAt === 'number') {
      return {
        pid: value.pid,
        token: value.token,
        createdAt: value.createdAt,
        ...(typeof value.start === 'string' ? { start: value.start } : {}),
        ...(typeof value.name === 'string' ? { name: value.name } : {}),
      };
    }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') throw error;
    if (isNotRegularFile(error)) return NOT_A_FILE;
  }
  return undefined;
};

const ownerOf = (read: ReturnType<typeof readOwner>): LockOwner | undefined => (read === NOT_A_FILE ? undefined : read);

export interface FileLock {
  readonly path: string;
  readonly owner: LockOwner;
  release(): void;
}

/** Filesystems without hard links (FAT, some network shares) fall back to O_EXCL create-then-write. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Write the owner and fsync; the descriptor is closed either way. */
const writeOwner = (fd: number, owner: LockOwner): void => {
  try {
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
};

const createExclusive = (path: string, owner: LockOwner): boolean => {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeOwner(fd, owner);
  } catch (error) {
    // Ours and empty (a full disk): an empty lock would read as 'held by pid 0' for seconds.
    fs.rmSync(path, { force: true });
    throw error;
  }
  return true;
};

/**
 * The lock appears whole or not at all: the owner is written to a private
 * file first, then hard-linked into place (link fails if the lock exists).
 * With create-then-write, a process killed between the two left an empty
 * lock that looked "held by pid 0" and kept the next start out for seconds.
 */
const tryCreate = (path: string, owner: LockOwner): boolean => {
  const draft = `${path}.new-${owner.token}`;
  const fd = fs.openSync(draft, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    writeOwner(fd, owner);
  } catch (error) {
    // A full disk fails the write: without this every attempt to open would leave an empty draft behind.
    fs.rmSync(draft, { force: true });
    throw error;
  }
  try {
    fs.linkSync(draft, path);
    return true;
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') return false;
    if (code !== undefined && NO_HARD_LINKS.has(code)) return createExclusive(path, owner);
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
};

/** Move a stale lock away, and put it back if what we moved turned out to be someone's fresh lock. */
const takeOverStale = (path: string, stale: LockOwner | undefined): void => {
  const aside = `${path}.stale-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(path, aside);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return; // another contender moved it first; just retry
    throw error;
  }
  const moved = (() => {
    try {
      return ownerOf(readOwner(aside));
    } catch {
      return undefined;
    }
  })();
  if (stale && moved && moved.token !== stale.token) {
    try {
      fs.linkSync(aside, path);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
    }
  }
  try {
    fs.rmSync(aside, { force: true });
  } catch {
    // A folder someone put in the lock's place: left aside under its new name, never removed with its contents.
  }
};

/**
 * A process killed between writing its draft and linking it leaves `<lock>.new-<token>` behind
 * (pid and token only, no data). Once we hold the lock, drafts older than the grace period
 * cannot belong to a contender still mid-way, so they go. Best effort.
 */
const removeOldDrafts = (path: string, now: number): void => {
  const dir = dirname(path);
  const prefix = `${basename(path)}.new-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    try {
      const draft = join(dir, name);
      if (now - fs.statSync(draft).mtimeMs > UNREADABLE_GRACE_MS) fs.unlinkSync(draft);
    } catch {
      // Gone already, or not ours to remove: the next start tries again.
    }
  }
};

export const acquireFileLock = (path: string, env: LockEnvironment = systemLockEnvironment): FileLock => {
  const identity = env.processIdentity?.(process.pid);
  const owner: LockOwner = {
    pid: process.pid,
    token: randomBytes(12).toString('hex'),
    createdAt: env.now(),
    ...(identity ? { start: identity.start, name: identity.name } : {}),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (tryCreate(path, owner)) {
      removeOldDrafts(path, env.now());
      return {
        path,
        owner,
        release: () => {
          try {
            if (ownerOf(readOwner(path))?.token === owner.token) fs.rmSync(path, { force: true });
          } catch (error) {
            // Already gone (erased with its folder, or taken over as stale): nothing left to release.
            if (errnoCode(error) !== 'ENOENT') throw error;
          }
        },
      };
    }
    let read: ReturnType<typeof readOwner>;
    let ageMs: number;
    try {
      read = readOwner(path);
      ageMs = env.now() - fs.statSync(path).mtimeMs;
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') continue; // released between our create and read: try again
      throw error;
    }
    const current = ownerOf(read);
    // A FIFO, device or folder in the lock's place was never a lock: set it aside at once.
    const state: LockState = read === NOT_A_FILE ? { kind: 'stale', owner: undefined } : judgeLock(current, ageMs, env);
    if (state.kind === 'held') {
      throw new AttuneError('vault-busy', `vault is open in another process (pid ${state.owner.pid})`);
    }
    takeOverStale(path, current);
  }
  throw new AttuneError('vault-busy', 'could not take the vault lock after several attempts');
};
