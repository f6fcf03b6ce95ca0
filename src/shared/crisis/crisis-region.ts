import { INTERNATIONAL } from './crisis-codes';
import type { CrisisData } from './crisis-schema';

/**
 * The country part of a locale: 'en-GB' → 'GB', 'en_US.UTF-8' → 'US',
 * 'zh-Hant-TW' → 'TW'. A bare language ('de', 'en') has no country, and
 * guessing one would be wrong for many people (English is not only the US),
 * so it gives null and the person picks; so do UN M.49 areas like 'es-419'.
 */
export const regionFromLocale = (locale: string): string | null => {
  // POSIX locales (LANG) look like en_GB.UTF-8 or de_DE@euro.
  const tag = locale.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (tag === '' || tag === 'C' || tag === 'POSIX') return null;
  try {
    const region = new Intl.Locale(tag).region;
    return region !== undefined && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    // RangeError: not a well-formed language tag.
    return null;
  }
};

/** The first locale in a preference list (e.g. navigator.languages) that names a country. */
export const regionFromLocales = (locales: readonly string[]): string | null => {
  for (const locale of locales) {
    const region = regionFromLocale(locale);
    if (region !== null) return region;
  }
  return null;
};

export interface RegionOption {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** The country's name in the display language, e.g. "United Kingdom". */
  name: string;
}

const regionNamer = (displayLocale: string): ((code: string) => string) => {
  try {
    const names = new Intl.DisplayNames([displayLocale, 'en'], { type: 'region', fallback: 'code' });
    return (code) => names.of(code) ?? code;
  } catch {
    return (code) => code;
  }
};

/** A country's display name ("GB" → "United Kingdom"); the code itself if the runtime has no name. */
export const regionName = (code: string, displayLocale = 'en'): string => regionNamer(displayLocale)(code);

/**
 * Every country the data has lines for (not the international directory),
 * sorted by display name, for the region picker.
 */
export const availableRegions = (data: CrisisData, displayLocale = 'en'): RegionOption[] => {
  const name = regionNamer(displayLocale);
  const codes = [...new Set(data.entries.map((entry) => entry.country))].filter((code) => code !== INTERNATIONAL);
  const collator = new Intl.Collator(displayLocale);
  return codes.map((code) => ({ code, name: name(code) })).sort((a, b) => collator.compare(a.name, b.name));
};

/** The region the picker starts on: the locale's country when the data covers it, else null ("another country"). */
export const defaultRegion = (data: CrisisData, locales: readonly string[]): string | null => {
  const region = regionFromLocales(locales);
  return region !== null && data.entries.some((entry) => entry.country === region) ? region : null;
};
