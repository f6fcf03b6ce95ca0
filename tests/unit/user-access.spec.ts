import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { type RunAs, unreachableFor } from '../support/user-access';

const nobody = { name: 'nobody', uid: 65534, gid: 65534 };

describe('unreachableFor (with a stand-in runner)', () => {
  it('asks once, with test -r / test -x per path in order, as the given user', () => {
    const calls: { uid: number; args: readonly string[] }[] = [];
    const run: RunAs = (user, args) => {
      calls.push({ uid: user.uid, args });
      return { status: 0, stdout: '', error: undefined };
    };
    const needs = [
      { path: '/a/node', as: 'execute' },
      { path: '/b/file', as: 'read' },
      { path: '/tmp', as: 'enter' },
    ] as const;
    expect(unreachableFor(nobody, needs, run)).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.uid).toBe(65534);
    expect(calls[0]?.args.slice(3)).toEqual(['-x', '/a/node', '-r', '/b/file', '-x', '/tmp']);
  });

  it('names the path it could not reach and why', () => {
    const run: RunAs = () => ({ status: 1, stdout: '/home/me/attune/node_modules/node/bin/node', error: undefined });
    const reason = unreachableFor(nobody, [{ path: '/home/me/attune/node_modules/node/bin/node', as: 'execute' }], run);
    expect(reason).toBe(
      'nobody (uid 65534) cannot execute /home/me/attune/node_modules/node/bin/node (it or a folder above it is private, e.g. mode 700)',
    );
  });

  it('says so when it cannot start a process as that user at all', () => {
    const run: RunAs = () => ({ status: null, stdout: '', error: Object.assign(new Error('spawnSync sh EPERM'), { code: 'EPERM' }) });
    expect(unreachableFor(nobody, [{ path: '/x', as: 'read' }], run)).toBe(
      'cannot run a process as nobody (uid 65534): spawnSync sh EPERM',
    );
  });

  it('an unexpected answer is reported, not taken as reachable', () => {
    const run: RunAs = () => ({ status: 2, stdout: '', error: undefined });
    expect(unreachableFor(nobody, [{ path: '/x', as: 'read' }], run)).toMatch(/^cannot check what nobody \(uid 65534\) may reach/);
  });
});

// The real kernel check needs root (only root may start a process as another user).
describe.runIf(process.getuid?.() === 0)('unreachableFor (real processes as nobody)', () => {
  const root = mkdtempSync(join(tmpdir(), 'attune-user-access-'));
  chmodSync(root, 0o755);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a file under a mode-700 folder is unreachable; the same file under open folders is reachable', () => {
    const open = join(root, 'open');
    const closed = join(root, 'closed', 'checkout');
    for (const dir of [open, closed]) {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      writeFileSync(join(dir, 'file'), 'x', { mode: 0o644 });
    }
    chmodSync(join(root, 'closed'), 0o700);

    expect(
      unreachableFor(nobody, [
        { path: join(open, 'file'), as: 'read' },
        { path: open, as: 'enter' },
      ]),
    ).toBeNull();
    expect(unreachableFor(nobody, [{ path: join(root, 'closed'), as: 'enter' }])).toBe(
      `nobody (uid 65534) cannot enter the folder ${join(root, 'closed')} (it or a folder above it is private, e.g. mode 700)`,
    );
    expect(
      unreachableFor(nobody, [
        { path: join(open, 'file'), as: 'read' },
        { path: join(closed, 'file'), as: 'read' },
      ]),
    ).toBe(`nobody (uid 65534) cannot read ${join(closed, 'file')} (it or a folder above it is private, e.g. mode 700)`);
    // Owned by nobody but mode 700 on the folder above: still reachable for nobody.
    chownSync(join(root, 'closed'), nobody.uid, nobody.gid);
    expect(unreachableFor(nobody, [{ path: join(closed, 'file'), as: 'read' }])).toBeNull();
  });

  it('a path with spaces, quotes and shell characters is passed intact', () => {
    const odd = join(root, 'a dir; with $odd "chars"');
    mkdirSync(odd, { mode: 0o755 });
    writeFileSync(join(odd, 'file'), 'x', { mode: 0o644 });
    expect(unreachableFor(nobody, [{ path: join(odd, 'file'), as: 'read' }])).toBeNull();
  });
});
