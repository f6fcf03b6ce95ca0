import { type BuiltLocale, type Catalogue, LOCALE_LOADERS, type Namespace } from './generated/locales';

/** The namespaces a window shows, for one locale, each its own chunk, loaded side by side. */
export const loadNamespaces = async (locale: BuiltLocale, names: readonly Namespace[]): Promise<Partial<Catalogue>> => {
  const { load } = await LOCALE_LOADERS[locale]();
  const loaded = await Promise.all(names.map(async (name) => [name, (await load[name]()).default] as const));
  return Object.fromEntries(loaded) as Partial<Catalogue>;
};
