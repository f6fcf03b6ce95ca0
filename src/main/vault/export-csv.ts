import type { Entry } from '../../shared/entry-schema';

/**
 * CSV export (RFC 4180: comma, CRLF, double quotes). One row per entry, one
 * column per field, multi-choice fields joined with ';'. Ids are exported,
 * not the app's wording, so the file reads the same in any language; times are
 * given as UTC, as the local time the entry was made, and as the raw offset.
 */
export const CSV_COLUMNS = [
  'id',
  'kind',
  'at_utc',
  'local_time',
  'offset_minutes',
  'states',
  'driver',
  'capacity',
  'needs',
  'need_text',
  'step_id',
  'step_text',
  'note',
  'check_in_id',
  'outcome',
  'instead',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

const pad = (value: number): string => String(value).padStart(2, '0');

/** "2026-11-23T10:05:00+01:00": the wall-clock time where and when the entry was made. */
export const localTime = (at: number, offsetMinutes: number): string => {
  const wall = new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

/**
 * Free text a spreadsheet might run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe. Only free text: ids and numbers never start that way
 * except negative offsets, which must stay numbers.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
const safeText = (text: string | undefined): string => (text && /^[=+\-@\t\r]/.test(text) ? `'${text}` : (text ?? ''));

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const toRow = (entry: Entry): Row => {
  const base = {
    id: entry.id,
    kind: entry.kind,
    at_utc: new Date(entry.at).toISOString(),
    local_time: localTime(entry.at, entry.offsetMinutes),
    offset_minutes: String(entry.offsetMinutes),
  };
  const empty = {
    states: '',
    driver: '',
    capacity: '',
    needs: '',
    need_text: '',
    step_id: '',
    step_text: '',
    note: '',
    check_in_id: '',
    outcome: '',
    instead: '',
  };
  if (entry.kind === 'check-in') {
    const { data } = entry;
    return {
      ...base,
      ...empty,
      states: data.states.join(';'),
      driver: data.driver ?? '',
      capacity: data.capacity === undefined ? '' : String(data.capacity),
      needs: data.needs.join(';'),
      need_text: safeText(data.needText),
      step_id: data.step?.id ?? '',
      step_text: safeText(data.step?.text),
      note: safeText(data.note),
    };
  }
  return { ...base, ...empty, check_in_id: entry.data.checkInId, outcome: entry.data.outcome, instead: safeText(entry.data.instead) };
};

export const toCsv = (entries: readonly Entry[]): string => {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const row = toRow(entry);
    lines.push(CSV_COLUMNS.map((column) => quote(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
};
