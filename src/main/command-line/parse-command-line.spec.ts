import { describe, expect, test } from 'vitest';

import { handedOverArgs, launchArgs } from './launch-args';
import { COMMAND_LINE_FLAGS, parseCommandLine } from './parse-command-line';

describe('parseCommandLine', () => {
  test('each allowed flag is its action', () => {
    for (const [flag, action] of Object.entries(COMMAND_LINE_FLAGS)) {
      expect(parseCommandLine([flag])).toEqual({ actions: [action], ignored: [] });
    }
    expect(Object.keys(COMMAND_LINE_FLAGS)).toEqual([
      '--check-in',
      '--pause',
      '--history',
      '--insights',
      '--settings',
      '--help-now',
      '--lock',
    ]);
  });

  test('several actions keep their order, each once', () => {
    expect(parseCommandLine(['--lock', '--check-in', '--lock'])).toEqual({ actions: ['lock', 'check-in'], ignored: [] });
  });

  test('anything else is ignored and named for the log without its value', () => {
    expect(
      parseCommandLine([
        '--check-in',
        '--no-sandbox',
        '--user-data-dir=/home/sam/secret',
        'notes.txt',
        '--CHECK-IN',
        '-p',
        '--check-in=yes',
      ]),
    ).toEqual({
      actions: ['check-in'],
      ignored: ['--no-sandbox', '--user-data-dir', '(argument)', '--CHECK-IN', '-p', '--check-in'],
    });
  });

  test('a flag named after an object property is not an action', () => {
    expect(parseCommandLine(['toString', '__proto__', 'constructor']).actions).toEqual([]);
  });

  test('a very long flag is cut for the log', () => {
    expect(parseCommandLine([`--${'x'.repeat(500)}`]).ignored[0]).toHaveLength(40);
  });

  test('no arguments: nothing to do', () => {
    expect(parseCommandLine([])).toEqual({ actions: [], ignored: [] });
  });
});

describe('launch arguments', () => {
  test('after the executable; in development also after the app path', () => {
    expect(launchArgs(['/opt/Attune/attune', '--check-in'], false)).toEqual(['--check-in']);
    expect(launchArgs(['/usr/bin/electron', '.', '--check-in'], true)).toEqual(['--check-in']);
  });

  test('a second launch’s own arguments win over the argv Electron passes', () => {
    const argv = ['/opt/Attune/attune', '--original-process-start-time=1', '--pause'];
    expect(handedOverArgs({ args: ['--pause'] }, argv, false)).toEqual(['--pause']);
    expect(handedOverArgs(null, argv, false)).toEqual(['--original-process-start-time=1', '--pause']);
    expect(handedOverArgs({ args: ['--pause', 3] }, argv, false)).toEqual(['--original-process-start-time=1', '--pause']);
    expect(handedOverArgs({}, [], false)).toEqual([]);
  });
});
