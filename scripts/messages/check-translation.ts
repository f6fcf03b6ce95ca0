import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { neverHits, type NeverList } from '../../src/shared/copy/never-lists/never-list';
import { checkLocale } from './check-locale';
import { MESSAGES_DIR, readLocale, SOURCE_LOCALE } from './compile-messages';

/**
 * `npm run messages:check -- <folder> [locale]`: a translator's check of one
 * language's folder before it joins messages/ — everything the build checks
 * (every message present, nothing extra, the same values, the plural forms
 * the language needs), plus the language's never-list and the copy guide's
 * "no exclamation marks", read straight from the JSON. Writes nothing.
 */
const strings = (value: unknown, path: string, out: Array<[string, string]>): void => {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) if (key !== '$review') strings(item, `${path}.${key}`, out);
};

export const checkTranslation = async (folder: string, locale: string): Promise<string[]> => {
  const problems: string[] = [];
  const source = readLocale(MESSAGES_DIR, SOURCE_LOCALE, problems).trees;
  const { trees, review } = readLocale(resolve(folder, '..'), basename(folder), problems);
  problems.push(...checkLocale(locale, source, trees));
  if (review === undefined) problems.push(`${locale}: no file carries "$review" (the not-yet-reviewed note)`);
  const listFile = resolve(fileURLToPath(import.meta.url), `../../../src/shared/copy/never-lists/${locale}.ts`);
  const list = existsSync(listFile) ? ((await import(pathToFileURL(listFile).href)) as { default: NeverList }).default : undefined;
  if (!list) problems.push(`${locale}: no never-list at src/shared/copy/never-lists/${locale}.ts`);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const found: Array<[string, string]> = [];
    const json = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>;
    if (review !== undefined && json.$review !== review)
      problems.push(`${locale}: ${file} does not carry the same "$review" note as the others`);
    strings(json, file, found);
    for (const [path, text] of found) {
      if (/[!！]/.test(text)) problems.push(`${locale}: ${path} has an exclamation mark`);
      for (const word of list ? neverHits(list, text) : []) problems.push(`${locale}: ${path} says "${word}": ${text}`);
    }
  }
  return problems;
};

const main = async (): Promise<void> => {
  const [folder, locale = folder ? basename(folder) : undefined] = process.argv.slice(2);
  if (!folder || !locale || !existsSync(folder)) {
    process.stderr.write('usage: npm run messages:check -- <folder with one language’s JSON files> [locale]\n');
    process.exit(2);
  }
  const problems = await checkTranslation(folder, locale);
  process.stdout.write(
    problems.length === 0 ? `${locale}: no problems\n` : `${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  if (problems.length > 0) process.exit(1);
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
