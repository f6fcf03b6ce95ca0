import { describe, expect, it } from 'vitest';

import { CSV_COLUMNS, localTime, toCsv } from './export-csv';

describe('CSV export', () => {
  it('writes one row per entry with ids, UTC and local time, and quotes where needed', () => {
    const csv = toCsv([
      {
        id: 'aaaaaaaa',
        at: Date.UTC(2026, 2, 29, 0, 30),
        offsetMinutes: 60,
        kind: 'check-in',
        data: {
          states: ['freeze', 'fawn'],
          driver: 'reacting',
          capacity: 2,
          needs: ['rest'],
          step: { id: 'drink-water', text: 'water, "cold"' },
          note: 'line one\nline two',
        },
      },
      {
        id: 'bbbbbbbb',
        at: Date.UTC(2026, 2, 29, 1, 0),
        offsetMinutes: -300,
        kind: 'follow-up',
        data: { checkInId: 'aaaaaaaa', outcome: 'a-bit', instead: '=HYPERLINK("x")' },
      },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      'aaaaaaaa,check-in,2026-03-29T00:30:00.000Z,2026-03-29T01:30:00+01:00,60,freeze;fawn,reacting,2,rest,,drink-water,"water, ""cold""","line one\nline two",,,',
    );
    expect(csv).toContain(
      'bbbbbbbb,follow-up,2026-03-29T01:00:00.000Z,2026-03-28T20:00:00-05:00,-300,,,,,,,,,aaaaaaaa,a-bit,"\'=HYPERLINK(""x"")"',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('formats offsets with minutes', () => {
    expect(localTime(Date.UTC(2026, 0, 1, 0, 0), 330)).toBe('2026-01-01T05:30:00+05:30');
    expect(localTime(Date.UTC(2026, 0, 1, 0, 0), 0)).toBe('2026-01-01T00:00:00+00:00');
  });
});
