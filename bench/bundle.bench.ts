import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { BenchRow } from './bench-row';

/**
 * Bytes a window must load before the popover can show: the entry script, the
 * chunks it preloads and the stylesheet, gzipped. Lazy chunks (history,
 * insights…) are listed separately. Reads `out/renderer` — run `npm run build` first.
 */
const TARGET_KB = 40;

export default async function bundle(): Promise<BenchRow[]> {
  const dir = resolve('out/renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;
  const initialKb = initial.reduce((sum, file) => sum + gz(file), 0);
  const all = readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`);
  const lazyKb = all.filter((f) => !initial.includes(f)).reduce((sum, file) => sum + gz(file), 0);
  return [
    {
      group: 'bundle',
      name: 'popover initial JS+CSS (gzip)',
      value: Number(initialKb.toFixed(1)),
      unit: 'KB',
      target: `≤ ${TARGET_KB} KB`,
      meets: initialKb <= TARGET_KB,
    },
    { group: 'bundle', name: 'lazy chunks, all (gzip)', value: Number(lazyKb.toFixed(1)), unit: 'KB' },
  ];
}
