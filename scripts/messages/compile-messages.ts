import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { format, resolveConfig } from 'prettier';

import { checkLocale } from './check-locale';
import { emitNamespace, HEADER } from './emit-namespace';
import { MessageError, parseNamespace, type Tree } from './message-model';
import { PSEUDO_LOCALES, type PseudoLocale, pseudoTree } from './pseudo-locale';

/**
 * `npm run messages`: messages/<locale>/<namespace>.json → typed modules in
 * src/shared/i18n/generated/. English is the source; every other locale is
 * checked against it (checkLocale) and the build stops on any problem;
 * the pseudo-locales are made from English. `--check` writes nothing and
 * fails if what is on disk is not what the JSON makes (a test runs it too).
 *
 * Each translation file may carry `"$review"`: a note that it has not yet
 * been reviewed by a native speaker (shown in Settings beside the language).
 */
export const SOURCE_LOCALE = 'en';
const REVIEW_KEY = '$review';

export interface Compiled {
  files: Map<string, string>;
  problems: string[];
}

export const readLocale = (
  dir: string,
  locale: string,
  problems: string[],
): { trees: Record<string, Tree>; review: string | undefined } => {
  const trees: Record<string, Tree> = {};
  let review: string | undefined;
  for (const file of readdirSync(join(dir, locale)).sort()) {
    if (!file.endsWith('.json')) continue;
    const namespace = file.slice(0, -'.json'.length);
    const where = `${locale}/${file}`;
    try {
      const json = JSON.parse(readFileSync(join(dir, locale, file), 'utf8')) as Record<string, unknown>;
      if (typeof json[REVIEW_KEY] === 'string') review ??= json[REVIEW_KEY];
      delete json[REVIEW_KEY];
      trees[namespace] = parseNamespace(json, where);
    } catch (error) {
      problems.push(error instanceof MessageError || error instanceof SyntaxError ? `${where}: ${error.message}` : String(error));
    }
  }
  return { trees, review };
};

/**
 * messages/groups.json: `{ "<group>": ["<namespace file name>", …] }`. Each
 * group becomes one chunk per language. A namespace is in one group at most,
 * and a group is not named like a namespace.
 */
export const readGroups = (messagesDir: string, source: Record<string, Tree>, problems: string[]): Record<string, string[]> => {
  const file = join(messagesDir, 'groups.json');
  if (!existsSync(file)) return {};
  const groups: Record<string, string[]> = {};
  const seen = new Set<string>();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`groups.json: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
  for (const [group, members] of Object.entries(json as Record<string, unknown>)) {
    if (group.startsWith('$')) continue;
    if (!/^[a-z][a-z-]*$/.test(group) || group in source || group === 'index') {
      problems.push(`groups.json: "${group}" cannot name a group (kebab-case, not a namespace or "index")`);
      continue;
    }
    if (!Array.isArray(members) || members.some((member) => typeof member !== 'string' || !(member in source))) {
      problems.push(`groups.json: "${group}" must list namespace file names that exist in ${SOURCE_LOCALE}/`);
      continue;
    }
    for (const member of members as string[]) {
      if (seen.has(member)) problems.push(`groups.json: "${member}" is in two groups`);
      seen.add(member);
    }
    groups[group] = members as string[];
  }
  return groups;
};

/** `what-helps` (the file) → `whatHelps` (the key in the catalogue). */
export const namespaceKey = (file: string): string => file.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

const emitLocale = (files: Map<string, string>, locale: string, intlLocale: string, trees: Record<string, Tree>): string[] => {
  const namespaces = Object.keys(trees).sort();
  for (const namespace of namespaces)
    files.set(
      `${locale}/${namespace}.ts`,
      emitNamespace(trees[namespace] as Tree, { namespace, intlLocale, isSource: locale === SOURCE_LOCALE }),
    );
  return namespaces;
};

/** What the generated folder should hold, formatted as the repository formats TypeScript, and every problem found. */
export const compileMessages = async (messagesDir: string): Promise<Compiled> => {
  const { files, problems } = compileRaw(messagesDir);
  const options = (await resolveConfig(join(GENERATED_DIR, 'locales.ts'))) ?? {};
  for (const [path, text] of files) files.set(path, await format(text, { ...options, filepath: join(GENERATED_DIR, path) }));
  return { files, problems };
};

/** Pure over the files under `messagesDir`. */
export const compileRaw = (messagesDir: string): Compiled => {
  const problems: string[] = [];
  const files = new Map<string, string>();
  const locales = readdirSync(messagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (!locales.includes(SOURCE_LOCALE)) return { files, problems: [`no ${SOURCE_LOCALE}/ folder in ${messagesDir}`] };
  const source = readLocale(messagesDir, SOURCE_LOCALE, problems).trees;
  emitLocale(files, SOURCE_LOCALE, SOURCE_LOCALE, source);
  const reviews: Record<string, string | null> = { [SOURCE_LOCALE]: null };
  for (const locale of locales) {
    if (locale === SOURCE_LOCALE) continue;
    if (locale in PSEUDO_LOCALES) {
      problems.push(`${locale}: pseudo-locales are made from English, not written`);
      continue;
    }
    const { trees, review } = readLocale(messagesDir, locale, problems);
    problems.push(...checkLocale(locale, source, trees));
    emitLocale(files, locale, locale, trees);
    reviews[locale] = review ?? null;
  }
  for (const [pseudo, intlLocale] of Object.entries(PSEUDO_LOCALES)) {
    const trees = Object.fromEntries(
      Object.entries(source).map(([namespace, tree]) => [namespace, pseudoTree(tree, pseudo as PseudoLocale)]),
    );
    emitLocale(files, pseudo, intlLocale, trees);
  }
  const groups = readGroups(messagesDir, source, problems);
  const groupOf = new Map(Object.entries(groups).flatMap(([group, members]) => members.map((namespace) => [namespace, group] as const)));
  const written = Object.keys(reviews);
  const all = [...written, ...Object.keys(PSEUDO_LOCALES)];
  const namespaces = Object.keys(source).sort();
  const keys = namespaces.map(namespaceKey);
  // Per locale, a small module of loaders for its namespaces: a window loads it, then only the namespaces it shows.
  // A group's namespaces are one chunk (a window's first paint): one file to fetch, and it compresses as one.
  for (const locale of all) {
    const each = namespaces
      .map((namespace) => {
        const group = groupOf.get(namespace);
        const key = namespaceKey(namespace);
        return group === undefined
          ? `  ${key}: () => import('./${namespace}'),`
          : `  ${key}: () => import('./${group}').then((group) => ({ default: group.${key} })),`;
      })
      .join('\n');
    files.set(
      `${locale}/index.ts`,
      `${HEADER}
import type { NamespaceLoaders } from '../locales';

/** Each namespace of this language: its own chunk, or its group's (messages/groups.json). */
export const load: NamespaceLoaders = {
${each}
};
`,
    );
    for (const [group, members] of Object.entries(groups))
      files.set(
        `${locale}/${group}.ts`,
        `${HEADER}
/** The "${group}" group's namespaces (messages/groups.json), one chunk. */
${members.map((namespace) => `export { default as ${namespaceKey(namespace)} } from './${namespace}';`).join('\n')}
`,
      );
  }
  const localeLoaders = all.map((locale) => `  ${JSON.stringify(locale)}: () => import('./${locale}/index'),`).join('\n');
  const types = namespaces.map((namespace) => `  ${namespaceKey(namespace)}: typeof import('./en/${namespace}').default;`).join('\n');
  files.set(
    'locales.ts',
    `${HEADER}

/** Every locale with messages, written (English first) and then the pseudo-locales made from English. */
export const WRITTEN_LOCALES = ${JSON.stringify(written)} as const;
export const PSEUDO_LOCALES = ${JSON.stringify(Object.keys(PSEUDO_LOCALES))} as const;
export type BuiltLocale = (typeof WRITTEN_LOCALES)[number] | (typeof PSEUDO_LOCALES)[number];

/** What each translation says about its review (null: reviewed, or the source). */
export const REVIEW_NOTES: Record<(typeof WRITTEN_LOCALES)[number], string | null> = ${JSON.stringify(reviews)};

/** Namespaces loaded together as one chunk (messages/groups.json): a window's first paint. */
export const MESSAGE_GROUPS = ${JSON.stringify(Object.fromEntries(Object.entries(groups).map(([group, members]) => [group, members.map(namespaceKey)])))} as const;

/** Every namespace's messages, typed by English (the source). */
export interface Catalogue {
${types}
}
export type Namespace = keyof Catalogue;
export const NAMESPACES: readonly Namespace[] = ${JSON.stringify(keys)};

export type NamespaceLoaders = { [N in Namespace]: () => Promise<{ default: Catalogue[N] }> };

/**
 * One small chunk per locale with its namespaces' loaders, and one chunk per
 * locale and namespace: a window loads only the language it shows, and only
 * what it shows, and the first load grows by one line per language added.
 */
export const LOCALE_LOADERS: Record<BuiltLocale, () => Promise<{ load: NamespaceLoaders }>> = {
${localeLoaders}
};
`,
  );
  const englishImports = namespaces.map((namespace) => `import ${namespaceKey(namespace)} from './en/${namespace}';`).join('\n');
  files.set(
    'english.ts',
    `${HEADER}
${englishImports}
import type { Catalogue } from './locales';

/** Every English namespace at once: for main, tests and scripts (a window loads per namespace instead). */
export const ENGLISH: Catalogue = { ${namespaces.map(namespaceKey).join(', ')} };
`,
  );
  return { files, problems };
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MESSAGES_DIR = join(root, 'messages');
export const GENERATED_DIR = join(root, 'src/shared/i18n/generated');

/** Files now in the generated folder, by path relative to it. */
export const generatedOnDisk = (dir: string = GENERATED_DIR): Map<string, string> => {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
};

const main = async (): Promise<void> => {
  const { files, problems } = await compileMessages(MESSAGES_DIR);
  if (problems.length > 0) {
    process.stderr.write(`The message files have ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  const onDisk = generatedOnDisk();
  const stale = [...files].filter(([path, text]) => onDisk.get(path) !== text).map(([path]) => path);
  const extra = [...onDisk.keys()].filter((path) => !files.has(path));
  if (process.argv.includes('--check')) {
    if (stale.length + extra.length === 0) return;
    process.stderr.write(`Generated messages are out of date (${[...stale, ...extra].join(', ')}): run npm run messages\n`);
    process.exit(1);
  }
  for (const path of extra) rmSync(join(GENERATED_DIR, path));
  for (const path of stale) {
    mkdirSync(dirname(join(GENERATED_DIR, path)), { recursive: true });
    writeFileSync(join(GENERATED_DIR, path), files.get(path) as string);
  }
  process.stdout.write(`messages: ${files.size} files, ${stale.length} written, ${extra.length} removed\n`);
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
