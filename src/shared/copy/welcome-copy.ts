import { live } from '../i18n/messages';

/** First run: what Attune is and is not, privacy, and nothing switched on behind the person's back. Words: messages/<locale>/welcome.json. */
export const welcomeCopy = live('welcome', (m) => ({
  stepOf: (current: number, total: number) => m.stepOf({ current, total }),
  ways: { ...m.ways, shortcut: (keys: string) => m.ways.shortcut({ keys }) },
  /** One sentence, plus the shortcut only when it really works (`withShortcut`). */
  noTray: (withShortcut: boolean) => (withShortcut ? m.noTrayWithShortcut : m.noTray),
}));
