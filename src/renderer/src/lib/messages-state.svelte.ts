import type { BuiltLocale, Catalogue, Namespace } from '../../../shared/i18n/generated/locales';
import { loadNamespaces } from '../../../shared/i18n/load-messages';
import { textDirection } from '../../../shared/i18n/locale-choice';
import { type MessageSource, useMessageSource } from '../../../shared/i18n/messages';

/**
 * The window's messages as Svelte state: every template that read a message
 * re-renders when the language changes. Raw state: the catalogue is
 * replaced whole, never changed in place, so it is not proxied.
 */
class MessageBox implements MessageSource {
  locale = $state.raw<BuiltLocale>('en');
  catalogue = $state.raw<Partial<Catalogue>>({});
}

const box = new MessageBox();
let latest = 0;
/** Whether this window's messages come from the box (always in a window; not in component tests, which use English whole). */
let installed = false;
const requested: Namespace[] = [];

/** The newest load still on its way, if any. */
let newest: Promise<void> | undefined;

const install = (): void => {
  useMessageSource(box);
  installed = true;
};

/**
 * Show `locale`: `names` plus every namespace this window has asked for.
 * The previous language stays until all of them have arrived, so a window
 * never shows two languages at once; of two quick changes the later wins,
 * and a call resolves only once the newest messages are in place (so a
 * window that awaits its first load never mounts with an earlier, empty
 * set while a later load is on its way). <html> gets the language and its
 * direction, for screen readers and layout.
 */
export const showMessages = async (locale: BuiltLocale, names: readonly Namespace[] = []): Promise<void> => {
  // Every namespace asked for so far, even one still on its way: a language change mid-load must bring it too.
  for (const name of names) if (!requested.includes(name)) requested.push(name);
  const wanted = [...requested];
  latest += 1;
  const mine = latest;
  if (!newest && locale === box.locale && wanted.every((name) => box.catalogue[name] !== undefined)) {
    install();
    return;
  }
  const run = loadNamespaces(locale, wanted).then((catalogue) => {
    if (mine !== latest) return;
    box.catalogue = catalogue;
    box.locale = locale;
    install();
    document.documentElement.lang = locale;
    document.documentElement.dir = textDirection(locale);
  });
  newest = run;
  try {
    await run;
    // Superseded while loading: wait for the newest, however many came after.
    for (let waiting = newest; waiting !== undefined && waiting !== run; waiting = newest) {
      await waiting;
      if (waiting === newest) break;
    }
  } finally {
    if (newest === run) newest = undefined;
  }
};

/** More namespaces in the language shown now, for a screen loaded later; nothing to do where every message is already there. */
export const ensureMessages = (names: readonly Namespace[]): Promise<void> =>
  installed ? showMessages(box.locale, names) : Promise.resolve();
