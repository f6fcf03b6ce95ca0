import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

export interface OsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** What another user must be able to do with a path: read a file, execute a program, or enter a folder. */
export interface AccessNeed {
  readonly path: string;
  readonly as: 'read' | 'execute' | 'enter';
}

const TEST_FLAG = { read: '-r', execute: '-x', enter: '-x' } as const;
const VERB = { read: 'read', execute: 'execute', enter: 'enter the folder' } as const;

/** Runs `sh` with these arguments as the user; replaceable in tests. */
export type RunAs = (user: OsUser, args: readonly string[]) => Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'error'>;

const runAsSpawn: RunAs = (user, args) =>
  spawnSync('sh', args, { uid: user.uid, gid: user.gid, encoding: 'utf8', timeout: 30_000, cwd: '/' });

// Prints the first path the user cannot reach and exits 1; exits 0 when every path is reachable.
const CHECK_SCRIPT = 'while [ "$#" -gt 0 ]; do test "$1" "$2" || { printf "%s" "$2"; exit 1; }; shift 2; done';

/**
 * Can `user` reach every path (an ancestor folder with mode 700, as in a clone
 * under a private home or a private TMPDIR, makes a path unreachable)? Asks the
 * kernel by running `test -r` / `test -x` as that user. Returns null when all
 * are reachable, otherwise one line saying what is not and why.
 */
export const unreachableFor = (user: OsUser, needs: readonly AccessNeed[], run: RunAs = runAsSpawn): string | null => {
  const args = ['-c', CHECK_SCRIPT, 'sh', ...needs.flatMap((need) => [TEST_FLAG[need.as], need.path])];
  const result = run(user, args);
  const who = `${user.name} (uid ${user.uid})`;
  if (result.error) return `cannot run a process as ${who}: ${result.error.message}`;
  if (result.status === 0) return null;
  const path = result.stdout.trim();
  const need = needs.find((candidate) => candidate.path === path);
  if (!need) return `cannot check what ${who} may reach (sh exited with ${String(result.status)})`;
  return `${who} cannot ${VERB[need.as]} ${path} (it or a folder above it is private, e.g. mode 700)`;
};
