import { execFile } from 'node:child_process';
import { win32 } from 'node:path';

import { readRegularFile } from '../fs/regular-file';

/**
 * The operating system's id for this computer (docs/sync-format.md §4.3):
 * only ever hashed with the device id into install.json, so a restored
 * backup or a cloned disk on another computer notices it is not where it was
 * made. Read once at start; when it cannot be read, sync relies on the
 * folder check alone (§4.3 rule 2), so every failure here is `undefined`,
 * never an error.
 *
 * The value is lower-cased (a GUID or UUID is printed in either case), so
 * the same computer always gives the same text.
 */
export const MACHINE_ID_TIMEOUT_MS = 2000;
const LINUX_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'] as const;
const IOREG = '/usr/sbin/ioreg';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `/etc/machine-id`: 32 hex and a newline. Empty or "uninitialized" (systemd's first boot, some containers) is none. */
export const parseLinuxMachineId = (text: string): string | undefined => {
  const value = text.trim().toLowerCase();
  return /^[0-9a-f]{32}$/.test(value) && !/^0+$/.test(value) ? value : undefined;
};

/** `ioreg -rd1 -c IOPlatformExpertDevice`: the line `"IOPlatformUUID" = "XXXXXXXX-…"`. */
export const parseIoregPlatformUuid = (stdout: string): string | undefined => {
  const value = /^\s*"IOPlatformUUID" = "([^"]*)"\s*$/m.exec(stdout)?.[1]?.toLowerCase();
  return value !== undefined && UUID.test(value) ? value : undefined;
};

/** `reg query HKLM\SOFTWARE\Microsoft\Cryptography /v MachineGuid`: the line `MachineGuid    REG_SZ    xxxxxxxx-…`. */
export const parseRegMachineGuid = (stdout: string): string | undefined => {
  const value = /^\s*MachineGuid\s+REG_SZ\s+(\S+)\s*$/m.exec(stdout)?.[1]?.toLowerCase();
  return value !== undefined && UUID.test(value) ? value : undefined;
};

/** The effects machineId needs, injectable for tests. Either may reject; both are bounded. */
export interface MachineIdSources {
  readFile(path: string): Promise<string>;
  /** stdout of `command args`, rejecting after `timeoutMs`. */
  run(command: string, args: readonly string[], timeoutMs: number): Promise<string>;
}

export const nodeMachineIdSources: MachineIdSources = {
  // A FIFO or device in place of the file is never waited on; the file is 33 bytes.
  readFile: async (path) => (await readRegularFile(path, 4096)).toString('utf8'),
  run: (command, args, timeoutMs) =>
    new Promise((resolve, reject) =>
      execFile(
        command,
        [...args],
        { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: 1024 * 1024, encoding: 'utf8' },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    ),
};

/** reg.exe by its full path (not whatever `reg` the PATH finds first); 64-bit view, where MachineGuid lives. */
const regCommand = (env: NodeJS.ProcessEnv): [string, string[]] => [
  win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe'),
  ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid', '/reg:64'],
];

const orUndefined = async (read: () => Promise<string | undefined>): Promise<string | undefined> => {
  try {
    return await read();
  } catch {
    return undefined;
  }
};

export const machineId = async (
  platform: NodeJS.Platform,
  sources: MachineIdSources = nodeMachineIdSources,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> => {
  if (platform === 'linux') {
    for (const path of LINUX_FILES) {
      const id = await orUndefined(async () => parseLinuxMachineId(await sources.readFile(path)));
      if (id) return id;
    }
    return undefined;
  }
  if (platform === 'darwin')
    return orUndefined(async () =>
      parseIoregPlatformUuid(await sources.run(IOREG, ['-rd1', '-c', 'IOPlatformExpertDevice'], MACHINE_ID_TIMEOUT_MS)),
    );
  if (platform === 'win32') {
    const [command, args] = regCommand(env);
    return orUndefined(async () => parseRegMachineGuid(await sources.run(command, args, MACHINE_ID_TIMEOUT_MS)));
  }
  return undefined;
};
