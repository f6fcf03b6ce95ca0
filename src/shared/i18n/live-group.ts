import type { View } from './messages';

/**
 * A live view of one group inside a namespace, with some of its properties
 * replaced or added, like `live` does for a whole namespace. A component
 * often keeps a group in a variable (`const t = settingsCopy.privacy`); a
 * plain object built from the messages would keep the words of the moment it
 * was read, so a language switch would pass it by. This one reads `group()`
 * and runs `build` at every access instead.
 */
export const liveGroup = <T extends object, O extends Record<string, unknown>>(group: () => T, build: (messages: T) => O): View<T, O> => {
  const read = (): Record<string, unknown> => group() as Record<string, unknown>;
  const made = (): Record<string, unknown> => build(group());
  const has = (prop: string): boolean => Object.hasOwn(made(), prop) || prop in read();
  const get = (prop: string): unknown => {
    const built = made();
    return Object.hasOwn(built, prop) ? built[prop] : read()[prop];
  };
  return new Proxy(
    {},
    {
      get: (_target, prop) => (typeof prop === 'string' ? get(prop) : undefined),
      has: (_target, prop) => typeof prop === 'string' && has(prop),
      ownKeys: () => [...new Set([...Reflect.ownKeys(read()).filter((key) => typeof key === 'string'), ...Object.keys(made())])],
      getOwnPropertyDescriptor: (_target, prop) =>
        typeof prop === 'string' && has(prop) ? { value: get(prop), enumerable: true, configurable: true, writable: false } : undefined,
      set: () => false,
      deleteProperty: () => false,
    },
  ) as View<T, O>;
};
