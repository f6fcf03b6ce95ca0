import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, test } from 'vitest';

/**
 * Spacing comes from one scale (base.css: --space-N is 2N px), so a change of
 * rhythm is one edit, not three hundred. Gaps, padding and margins in the
 * renderer's styles use it; only 0, 1px and odd optical nudges stay raw.
 */
const RENDERER = join(import.meta.dirname, '../../src/renderer');
const SPACING = /^\s*(gap|row-gap|column-gap|padding(?:-[a-z-]+)?|margin(?:-[a-z-]+)?)\s*:\s*([^;{}]+);/gm;

const styleFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return styleFiles(path);
    return /\.(svelte|css)$/.test(entry.name) ? [path] : [];
  });

const stylesOf = (path: string): string => {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.css')) return text;
  return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
};

/** Raw even px values of 2px or more in a spacing declaration: these belong on the scale. */
const offScale = (css: string): string[] =>
  [...css.matchAll(SPACING)].flatMap(([declaration, , value]) =>
    [...value!.matchAll(/(?<![\w-])(\d+)px\b/g)].some(([, n]) => Number(n) >= 2 && Number(n) % 2 === 0) ? [declaration.trim()] : [],
  );

describe('spacing scale', () => {
  test('finds raw even px spacing, and lets the scale, 0, 1px and odd nudges through', () => {
    expect(offScale('  gap: 8px;\n  padding: var(--space-4) 12px;\n  margin: 0 1px 3px;\n  gap: var(--space-2);')).toEqual([
      'gap: 8px;',
      'padding: var(--space-4) 12px;',
    ]);
  });

  test('every gap, padding and margin in the renderer uses the scale', () => {
    const found = styleFiles(RENDERER).flatMap((path) => offScale(stylesOf(path)).map((line) => `${relative(RENDERER, path)}: ${line}`));
    expect(found).toEqual([]);
  });

  test('the scale defines every step the styles use', () => {
    const base = readFileSync(join(RENDERER, 'src/styles/base.css'), 'utf8');
    const defined = new Set(
      [...base.matchAll(/--space-(\d+):\s*(\d+)px/g)].map(([, n = '', px]) => (Number(px) === 2 * Number(n) ? n : `bad ${n}`)),
    );
    const used = new Set(
      styleFiles(RENDERER).flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/var\(--space-(\d+)\)/g)].map(([, n = '']) => n)),
    );
    expect([...used].filter((n) => !defined.has(n))).toEqual([]);
    expect([...defined].filter((n) => n.startsWith('bad'))).toEqual([]);
  });
});
