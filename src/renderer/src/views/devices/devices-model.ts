import { devicesCopy } from '../../../../shared/copy';
import { formatLocale } from '../../../../shared/i18n/format-locale';
import type { ResponseOf } from '../../../../shared/ipc/contract';

export type DevicesStatus = ResponseOf<'devices.status'>;
export type OtherDevice = DevicesStatus['devices'][number];
/** What became of Attune's files in the folder when this computer stopped syncing. */
export type FolderFiles = ResponseOf<'devices.remove'>['folderFiles'];

/** How many runs of missing files a line names before it stops ("43–45, 50, 52–60…"). */
const RUNS_NAMED = 3;

/** The files still missing from a computer, counted, and named as runs of their numbers. */
export const waitingFor = (waiting: OtherDevice['waiting']): { count: number; range: string } | null => {
  if (waiting.length === 0) return null;
  const count = waiting.reduce((sum, { from, to }) => sum + (to - from + 1), 0);
  const runs = waiting.slice(0, RUNS_NAMED).map(({ from, to }) => (from === to ? String(from) : `${from}–${to}`));
  return { count, range: `${runs.join(', ')}${waiting.length > RUNS_NAMED ? '…' : ''}` };
};

/**
 * What one other computer's row says below its name, calmest first: every
 * line is a plain fact and, where it matters, that nothing here changed.
 * Pure, so each case is a unit test rather than a screen to reach.
 */
export const deviceLines = (device: OtherDevice): string[] => {
  const t = devicesCopy;
  const lines: string[] = [];
  if (device.final) lines.push(t.final);
  else if (device.folder !== 'listed') lines.push(t.folderGone);
  const waiting = waitingFor(device.waiting);
  if (waiting) lines.push(t.waiting(waiting.count, waiting.range));
  if (device.pending > 0) lines.push(t.arriving(device.pending));
  if (device.backwards) lines.push(t.backwards);
  if (device.held > 0) lines.push(t.keptAside);
  if (device.needsKey.length > 0) lines.push(t.newKey);
  if (device.unreadable > 0) lines.push(t.unreadable(device.unreadable));
  if (device.manyDeleted) lines.push(t.manyDeleted(device.manyDeleted.count, dateAndTime(device.manyDeleted.at)));
  return lines;
};

/** "3 Dec 2026, 14:05", in the words' language. */
const dateAndTime = (ms: number): string => new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/** "Last update from it: 3 Dec 2026, 14:05". */
export const lastUpdateLine = (device: OtherDevice): string =>
  device.lastSeenAt === null ? devicesCopy.nothingYet : devicesCopy.lastUpdate(dateAndTime(device.lastSeenAt));

export const deviceLabel = (device: Pick<OtherDevice, 'name'>): string => device.name ?? devicesCopy.anotherComputer;
