import type { BuiltLocale, Catalogue, Namespace } from './generated/locales';

/**
 * The messages in use now. Copy modules read them through live views, so a
 * string is looked up when it is shown, in the language chosen at that
 * moment: switching language changes every window without a restart. In a
 * window the source is a Svelte state box (i18n-state.svelte.ts), so each
 * template that read a message re-renders when it changes; in main and in
 * tests it is a plain object.
 */
export interface MessageSource {
  locale: BuiltLocale;
  /** The namespaces loaded so far for `locale`. */
  catalogue: Partial<Catalogue>;
}

let source: MessageSource = { locale: 'en', catalogue: {} };

export const useMessageSource = (next: MessageSource): void => {
  source = next;
};

export const currentLocale = (): BuiltLocale => source.locale;

/** One namespace of the current messages. Not loaded is a bug (the window did not ask for it), said plainly. */
export const namespaceNow = <N extends Namespace>(name: N): Catalogue[N] => {
  const found = source.catalogue[name];
  if (!found) throw new Error(`messages: "${name}" is not loaded for ${source.locale}; load it before showing it`);
  return found as Catalogue[N];
};

/** A namespace's messages, with some properties replaced or added by what the copy module builds from them. */
export type View<T, O> = Omit<T, keyof O> & Readonly<O>;

const isGroup = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type Builder = ((messages: never) => Record<string, unknown>) | undefined;

/**
 * The one live view: reads `read()` at every access (and builds anew for a
 * new catalogue), so a view kept in a variable still answers in the
 * language of the moment.
 */
const view = (read: () => Record<string, unknown>, build: Builder): object => {
  // Built once per catalogue object: a language change replaces the catalogue, so a new one builds anew.
  const cache = new WeakMap<object, Record<string, unknown>>();
  const built = (): Record<string, unknown> => {
    if (!build) return {};
    const messages = read();
    let made = cache.get(messages);
    if (!made) {
      made = (build as (messages: unknown) => Record<string, unknown>)(messages);
      cache.set(messages, made);
    }
    return made;
  };
  const has = (prop: string): boolean => Object.hasOwn(built(), prop) || Object.hasOwn(read(), prop);
  const get = (prop: string): unknown => {
    const made = built();
    if (Object.hasOwn(made, prop)) return made[prop];
    const value = read()[prop];
    // A group stays a view too: kept in a variable, it still answers in the language of the moment.
    return isGroup(value) ? view(() => read()[prop] as Record<string, unknown>, undefined) : value;
  };
  return new Proxy(
    {},
    {
      get: (_target, prop) => (typeof prop === 'string' ? get(prop) : undefined),
      has: (_target, prop) => typeof prop === 'string' && has(prop),
      ownKeys: () => [...new Set([...Object.keys(read()), ...Object.keys(built())])],
      getOwnPropertyDescriptor: (_target, prop) =>
        typeof prop === 'string' && has(prop) ? { value: get(prop), enumerable: true, configurable: true, writable: false } : undefined,
      set: () => false,
      deleteProperty: () => false,
    },
  );
};

/**
 * A live view of one namespace. `build` makes, from the messages of the
 * moment, the properties the copy module replaces or adds, e.g. a function
 * that keeps its positional arguments:
 * `live('welcome', (m) => ({ stepOf: (current: number, total: number) => m.stepOf({ current, total }) }))`.
 * It runs on every read of one of its properties, so what it returns is
 * always in the current language.
 */
export const live = <N extends Namespace, O extends Record<string, unknown> = Record<never, never>>(
  name: N,
  build?: (messages: Catalogue[N]) => O,
): View<Catalogue[N], O> => view(() => namespaceNow(name) as Record<string, unknown>, build as Builder) as View<Catalogue[N], O>;

/**
 * A live view of one group inside a namespace, with some properties built
 * from its messages, like `live` for a whole namespace. A component often
 * keeps a group in a variable (`const t = settingsCopy.privacy`); a plain
 * object built from the messages would keep the words of the moment it was
 * read, and a language change would pass it by.
 */
export const liveGroup = <T extends object, O extends Record<string, unknown>>(group: () => T, build: (messages: T) => O): View<T, O> =>
  view(group as () => Record<string, unknown>, build as Builder) as View<T, O>;
