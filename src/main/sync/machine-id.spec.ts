import { existsSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  machineId,
  type MachineIdSources,
  nodeMachineIdSources,
  parseIoregPlatformUuid,
  parseLinuxMachineId,
  parseRegMachineGuid,
} from './machine-id';

/** The shape `ioreg -rd1 -c IOPlatformExpertDevice` prints on an Apple silicon Mac (values replaced). */
const IOREG = `+-o J316sAP  <class IOPlatformExpertDevice, id 0x100000210, registered, matched, active, busy 0 (43 ms), retain 37>
    {
      "IOPolledInterface" = "AppleARMWatchdogTimerHibernateHandler is not serializable"
      "#address-cells" = <02000000>
      "AAPL,phandle" = <01000000>
      "IOBusyInterest" = "IOCommand is not serializable"
      "target-type" = <"J316s">
      "name" = <"device-tree">
      "manufacturer" = <"Apple Inc.">
      "compatible" = <"J316sAP","MacBookPro18,3","AppleARM">
      "IOPlatformSerialNumber" = "C02ZZ0ZZZZZZ"
      "model" = <"MacBookPro18,3">
      "IONWInterrupts" = "IONWInterrupts"
      "device_type" = <"bootrom">
      "#size-cells" = <02000000>
      "IOPlatformUUID" = "1A2B3C4D-5E6F-4A8B-9C0D-1E2F3A4B5C6D"
    }
`;
/** An older Intel Mac whose UUID ends in its network address (a form rtrouton's fix_uuid.sh handles). */
const IOREG_INTEL = `+-o iMac12,2  <class IOPlatformExpertDevice, id 0x100000110, registered, matched, active, busy 0 (1364 ms), retain 28>
    {
      "IOPlatformSerialNumber" = "W80000000000"
      "IOPlatformUUID" = "00000000-0000-1000-8000-0016CB8DE5A1"
      "model" = <"iMac12,2">
    }
`;
/** `reg query HKLM\\SOFTWARE\\Microsoft\\Cryptography /v MachineGuid` on Windows 11, CRLF line ends as printed. */
const REG =
  '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n    MachineGuid    REG_SZ    6F1A3E2B-9C4D-4E5F-8A7B-1C2D3E4F5A6B\r\n\r\n';
const REG_MISSING = 'ERROR: The system was unable to find the specified registry key or value.\r\n';

describe('parsing what each system prints (docs/sync-format.md §4.3)', () => {
  it.each<[string, string | undefined]>([
    ['3d1219c7c4c5404aaa1f6d2a48adfda4\n', '3d1219c7c4c5404aaa1f6d2a48adfda4'],
    ['3D1219C7C4C5404AAA1F6D2A48ADFDA4', '3d1219c7c4c5404aaa1f6d2a48adfda4'],
    ['uninitialized\n', undefined],
    ['', undefined],
    ['0'.repeat(32), undefined],
    ['3d1219c7c4c5404aaa1f6d2a48adfda', undefined],
    ['3d1219c7c4c5404aaa1f6d2a48adfda4 extra', undefined],
  ])('Linux %j → %j', (text, id) => expect(parseLinuxMachineId(text)).toBe(id));

  it('macOS: the IOPlatformUUID line, lower-cased; nothing else in the output, and nothing when it is missing', () => {
    expect(parseIoregPlatformUuid(IOREG)).toBe('1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d');
    expect(parseIoregPlatformUuid(IOREG_INTEL)).toBe('00000000-0000-1000-8000-0016cb8de5a1');
    expect(parseIoregPlatformUuid(IOREG.replace(/.*IOPlatformUUID.*\n/, ''))).toBeUndefined();
    expect(parseIoregPlatformUuid(IOREG.replace('1A2B3C4D-', ''))).toBeUndefined();
    expect(parseIoregPlatformUuid('')).toBeUndefined();
  });

  it('Windows: the MachineGuid value, lower-cased; an error message is none', () => {
    expect(parseRegMachineGuid(REG)).toBe('6f1a3e2b-9c4d-4e5f-8a7b-1c2d3e4f5a6b');
    expect(parseRegMachineGuid(REG.replace(/\r/g, ''))).toBe('6f1a3e2b-9c4d-4e5f-8a7b-1c2d3e4f5a6b');
    expect(parseRegMachineGuid(REG_MISSING)).toBeUndefined();
    expect(parseRegMachineGuid(REG.replace('REG_SZ', 'REG_DWORD'))).toBeUndefined();
  });
});

/** Sources that answer from tables and record what was asked. */
const fake = (files: Record<string, string>, output?: string) => {
  const asked: Array<{ command: string; args: readonly string[]; timeoutMs: number }> = [];
  const sources: MachineIdSources = {
    readFile: (path) =>
      path in files ? Promise.resolve(files[path] as string) : Promise.reject(Object.assign(new Error(path), { code: 'ENOENT' })),
    run: (command, args, timeoutMs) => {
      asked.push({ command, args, timeoutMs });
      return output === undefined ? Promise.reject(new Error('command failed')) : Promise.resolve(output);
    },
  };
  return { sources, asked };
};

describe('machineId', () => {
  it('Linux: /etc/machine-id, else /var/lib/dbus/machine-id, else none', async () => {
    const id = '3d1219c7c4c5404aaa1f6d2a48adfda4';
    expect(await machineId('linux', fake({ '/etc/machine-id': `${id}\n` }).sources)).toBe(id);
    expect(await machineId('linux', fake({ '/var/lib/dbus/machine-id': id }).sources)).toBe(id);
    expect(await machineId('linux', fake({ '/etc/machine-id': 'uninitialized\n', '/var/lib/dbus/machine-id': id }).sources)).toBe(id);
    expect(await machineId('linux', fake({}).sources)).toBeUndefined();
  });

  it('macOS and Windows: one command by its full path, with a 2 s limit; a failing command is none', async () => {
    const mac = fake({}, IOREG);
    expect(await machineId('darwin', mac.sources)).toBe('1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d');
    expect(mac.asked).toEqual([{ command: '/usr/sbin/ioreg', args: ['-rd1', '-c', 'IOPlatformExpertDevice'], timeoutMs: 2000 }]);

    const windows = fake({}, REG);
    expect(await machineId('win32', windows.sources, { SystemRoot: 'D:\\Windows' })).toBe('6f1a3e2b-9c4d-4e5f-8a7b-1c2d3e4f5a6b');
    expect(windows.asked).toEqual([
      {
        command: 'D:\\Windows\\System32\\reg.exe',
        args: ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid', '/reg:64'],
        timeoutMs: 2000,
      },
    ]);

    expect(await machineId('darwin', fake({}).sources)).toBeUndefined();
    expect(await machineId('win32', fake({}).sources, {})).toBeUndefined();
    expect(await machineId('freebsd', fake({}, IOREG).sources)).toBeUndefined();
  });

  it('the real runner stops a command that hangs past its limit, and reports it as a failure', async () => {
    const hang = nodeMachineIdSources.run(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], 300);
    await expect(hang).rejects.toBeDefined();
    expect(await nodeMachineIdSources.run(process.execPath, ['-e', 'process.stdout.write("ok")'], 20_000)).toBe('ok');
  }, 30_000);

  const ownId =
    process.platform === 'linux' && existsSync('/etc/machine-id')
      ? parseLinuxMachineId(readFileSync('/etc/machine-id', 'utf8'))
      : undefined;
  it.runIf(ownId !== undefined)('reads this Linux computer’s own id', async () => {
    expect(await machineId('linux')).toBe(ownId);
  });
});
