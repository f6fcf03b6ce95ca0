import type { BuiltLocale, Catalogue, Namespace } from '../../../shared/i18n/generated/locales';
import { loadNamespaces } from '../../../shared/i18n/load-messages';
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

/** Load `names` in `locale` and show them; the previous language stays until all of them have arrived. */
export const showMessages = async (locale: BuiltLocale, names: readonly Namespace[]): Promise<void> => {
  const catalogue = await loadNamespaces(locale, names);
  box.catalogue = catalogue;
  box.locale = locale;
  useMessageSource(box);
};
