import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { PSEUDO_LOCALES, WRITTEN_LOCALES } from '../src/shared/i18n/generated/locales';
import type { BenchRow } from './bench-row';

/**
 * Bytes a window must load before the popover can show: the entry script, the
 * chunks it preloads and the stylesheet, gzipped, plus the messages of the
 * popover's namespaces in one language (each language has its own chunks:
 * `messages-<locale>-index-<hash>.js`, its loaders, then the popover group,
 * `messages-<locale>-popover-<hash>.js`, loaded before the first paint).
 * One row per language, the pseudo-locales included (en-XA is 40% longer than
 * English: the worst case a translation is likely to reach). Lazy chunks
 * (history, insights…, and every other language) are listed separately.
 * Reads `out/renderer` — run `npm run build` first.
 */
const TARGET_KB = 40;

export default async function bundle(): Promise<BenchRow[]> {
  const dir = resolve('out/renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;
  const initialKb = initial.reduce((sum, file) => sum + gz(file), 0);
  const all = readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`);
  // The language's loader chunk, then its popover group, each by its whole file name and Rollup's 8-character hash.
  const messagesOf = (locale: string): string[] =>
    ['index', 'popover'].flatMap((chunk) =>
      all.filter((file) => new RegExp(`^assets/messages-${locale}-${chunk}-[\\w-]{8}\\.js$`).test(file)),
    );
  const perLocale = [...WRITTEN_LOCALES, ...PSEUDO_LOCALES].map((locale) => {
    const files = messagesOf(locale);
    if (files.length !== 2) throw new Error(`bundle bench: ${locale} has ${files.length} of the popover's message chunks`);
    return { locale, kb: initialKb + files.reduce((sum, file) => sum + gz(file), 0) };
  });
  const lazyKb = all.filter((f) => !initial.includes(f)).reduce((sum, file) => sum + gz(file), 0);
  return [
    ...perLocale.map(({ locale, kb }): BenchRow => ({
      group: 'bundle',
      name: `popover initial JS+CSS+messages, ${locale} (gzip)`,
      value: Number(kb.toFixed(1)),
      unit: 'KB',
      target: `≤ ${TARGET_KB} KB`,
      meets: kb <= TARGET_KB,
    })),
    { group: 'bundle', name: 'lazy chunks, all (gzip)', value: Number(lazyKb.toFixed(1)), unit: 'KB' },
  ];
}
