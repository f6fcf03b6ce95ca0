import { live } from '../i18n/messages';

/**
 * Settings › Devices, joining from the welcome screen, and History's "Added
 * on ‹name›" (issue 18, docs/sync-format.md §9). Plain and calm: what
 * happened, that nothing here was lost (when true), what the person can do,
 * and always a way out. Words: messages/<locale>/devices.json.
 */
export const devicesCopy = /* @__PURE__ */ live('devices', (m) => ({
  lookedAt: (time: string) => m.lookedAt({ time }),
  ownWaiting: (count: number) => m.ownWaiting({ count }),
  lastUpdate: (date: string) => m.lastUpdate({ date }),
  /** `range`: "43–45", or "43" for one (the segment numbers the folder still lacks). */
  waiting: (count: number, range: string) => m.waiting({ count, range }),
  arriving: (count: number) => m.arriving({ count }),
  unreadable: (count: number) => m.unreadable({ count }),
  /** More than a few entries of this computer went in one burst because of deletes made on that one (§11 Q5). */
  manyDeleted: (count: number, date: string) => m.manyDeleted({ count, date }),
  /** null: a computer that gave no name this one can read. */
  addedOn: (name: string | null) => (name === null ? m.addedElsewhere : m.addedOn({ name })),
}));
