import { live, liveGroup } from '../i18n/messages';

const words = /* @__PURE__ */ live('welcome');
const ways = /* @__PURE__ */ liveGroup(
  () => words.ways,
  (w) => ({ shortcut: (keys: string) => w.shortcut({ keys }) }),
);

/** First run: what Attune is and is not, privacy, and nothing switched on behind the person's back. Words: messages/<locale>/welcome.json. */
export const welcomeCopy = /* @__PURE__ */ live('welcome', (m) => ({
  stepOf: (current: number, total: number) => m.stepOf({ current, total }),
  ways,
  /** One sentence, plus the shortcut only when it really works (`withShortcut`). */
  noTray: (withShortcut: boolean) => (withShortcut ? m.noTrayWithShortcut : m.noTray),
}));
