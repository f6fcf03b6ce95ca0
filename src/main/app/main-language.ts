import { type BuiltLocale, NAMESPACES } from '../../shared/i18n/generated/locales';
import { loadNamespaces } from '../../shared/i18n/load-messages';
import { effectiveLocale, type LanguageChoice } from '../../shared/i18n/locale-choice';
import { currentLocale, useMessageSource } from '../../shared/i18n/messages';
import type { Logger } from '../log/logger';

const ALL_NAMESPACES = NAMESPACES;

/**
 * Main's own words (tray menu, notifications, dialogs, the summary) in the
 * language chosen in Settings, or the system's. Every namespace is loaded
 * at once: main has no first paint to keep small. Choices are applied in
 * the order made, so a quick second change always wins. A language that
 * cannot be loaded (never expected: it is built in) leaves the current one.
 */
export const createMainLanguage = (deps: { preferred: () => readonly string[]; log: Logger }) => {
  let queue: Promise<boolean> = Promise.resolve(false);
  const applyNow = async (choice: LanguageChoice): Promise<boolean> => {
    const locale: BuiltLocale = effectiveLocale(choice, deps.preferred());
    if (locale === currentLocale()) return false;
    try {
      useMessageSource({ locale, catalogue: await loadNamespaces(locale, ALL_NAMESPACES) });
      return true;
    } catch (error) {
      deps.log.warn('language could not be loaded', { locale, reason: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  return {
    /** Resolves true when the language changed (the tray menu then needs building again). */
    apply(choice: LanguageChoice): Promise<boolean> {
      queue = queue.then(() => applyNow(choice));
      return queue;
    },
  };
};
