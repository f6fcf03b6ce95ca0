import { live } from '../i18n/messages';

/** Choosing the language (Settings › Appearance). Language names are shown in their own language, by Intl, not here. */
export const languageCopy = /* @__PURE__ */ live('language', (m) => ({
  system: (language: string) => m.system({ language }),
}));
