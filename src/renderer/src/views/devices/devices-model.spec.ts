import { describe, expect, it } from 'vitest';

import { useEnglishNow } from '../../../../shared/i18n/english-now';
import { deviceLabel, deviceLines, lastUpdateLine, waitingFor } from './devices-model';
import { otherDevice } from './devices-test-kit';

useEnglishNow();

const device = otherDevice;

describe('waitingFor', () => {
  it('counts every missing file and names the runs, one number for a run of one', () => {
    expect(waitingFor([])).toBeNull();
    expect(waitingFor([{ from: 43, to: 45 }])).toEqual({ count: 3, range: '43–45' });
    expect(
      waitingFor([
        { from: 7, to: 7 },
        { from: 9, to: 10 },
      ]),
    ).toEqual({ count: 3, range: '7, 9–10' });
  });

  it('names three runs at most, and counts all of them', () => {
    const runs = [1, 5, 9, 13].map((from) => ({ from, to: from + 1 }));
    expect(waitingFor(runs)).toEqual({ count: 8, range: '1–2, 5–6, 9–10…' });
  });
});

describe('deviceLines', () => {
  it('a computer that is up to date has nothing to say below its name', () => {
    expect(deviceLines(device())).toEqual([]);
  });

  it('each thing sync noticed is one plain line, and waiting files say the rest is here', () => {
    const lines = deviceLines(
      device({ waiting: [{ from: 43, to: 45 }], pending: 1, backwards: true, held: 2, needsKey: ['b'.repeat(32)], unreadable: 2 }),
    );
    expect(lines).toEqual([
      'Waiting for 3 files (43–45). Everything else from it is here.',
      '1 file from it is still arriving.',
      'Its folder looks older than before. Nothing here changed. Sync apps sometimes do this while they catch up.',
      expect.stringContaining('kept aside'),
      expect.stringContaining('new encryption key'),
      '2 files from it can’t be read here. They are left as they are.',
    ]);
  });

  it('a computer that stopped syncing says so, not that its folder is gone', () => {
    expect(deviceLines(device({ final: true, folder: 'missing' }))).toEqual(['It stopped syncing. What it added is here.']);
    expect(deviceLines(device({ folder: 'missing' }))).toEqual(['Its folder isn’t in the sync folder right now.']);
  });
});

describe('labels', () => {
  it('many entries its deletes took here: how many, and when, as a plain fact', () => {
    const [line] = deviceLines(device({ manyDeleted: { count: 300, at: Date.UTC(2026, 11, 3, 14, 5) } }));
    expect(line).toMatch(/^300 entries deleted on it were deleted here too, on .*2026.*\.$/);
  });

  it('a computer with no name it can read is "Another computer"', () => {
    expect(deviceLabel({ name: null })).toBe('Another computer');
    expect(deviceLabel({ name: 'Desktop' })).toBe('Desktop');
  });

  it('the last update is a date and time, or that nothing came yet', () => {
    expect(lastUpdateLine(device())).toBe('Nothing from it yet.');
    expect(lastUpdateLine(device({ lastSeenAt: Date.UTC(2026, 11, 3, 14, 5) }))).toMatch(/^Last update from it: .*2026/);
  });
});
