import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

import { openAppView, openPrompt, PASSPHRASE, primaryButton } from './checkin-steps';
import { expect, test } from './fixtures';

/**
 * "No network access from the app, ever": the built code and everything it
 * loads at run time is checked for network modules and browser network APIs,
 * and a whole journey in the browser makes no request outside the harness.
 */
const NETWORK_MODULES = /(?:from\s*|require\(\s*|import\(\s*)['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|undici)(?:\/[^'"]*)?['"]/;
const BROWSER_NETWORK = /\b(?:fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection)\b/;

const filesUnder = (dir: string, extensions: string[]): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'test' ? [] : filesUnder(full, extensions);
    return extensions.includes(extname(name)) ? [full] : [];
  });

/** Node's lookup: node_modules/<name> in this folder or the nearest parent (exports maps may hide package.json from require.resolve). */
const findPackage = (name: string, from: string): string | null => {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
};

/** The packages main loads at run time: package.json dependencies and theirs, transitively. */
const runtimePackages = (): string[] => {
  const root = resolve(import.meta.dirname, '../..');
  const seen = new Map<string, string>();
  const visit = (name: string, from: string) => {
    if (seen.has(name)) return;
    const dir = findPackage(name, from);
    if (dir === null) return; // an optional dependency that is not installed
    seen.set(name, dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir);
  };
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies)) visit(dep, root);
  return [...seen.values()];
};

test.describe('network-free', () => {
  test('the built main process, preload and renderer contain no network modules or network APIs', () => {
    const out = resolve(import.meta.dirname, '../../out');
    const files = filesUnder(out, ['.js', '.cjs', '.mjs']);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(NETWORK_MODULES.test(code), `${file} imports a network module`).toBe(false);
      expect(BROWSER_NETWORK.exec(code)?.[0], `${file} uses a browser network API`).toBeUndefined();
    }
  });

  test('no package the app loads at run time imports a network module', () => {
    const packages = runtimePackages();
    expect(packages.length).toBeGreaterThan(3);
    const offenders = packages.flatMap((dir) =>
      filesUnder(dir, ['.js', '.cjs', '.mjs']).filter((file) => NETWORK_MODULES.test(readFileSync(file, 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });

  test('a whole journey in the browser requests nothing outside Attune itself', async ({ page, harness }) => {
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(harness.url) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await openPrompt(page, harness.url);
    await page.getByText('Freeze', { exact: true }).click();
    await primaryButton(page).click();
    await page.getByText('Rest', { exact: true }).click();
    await primaryButton(page).click();
    await page.getByRole('radio').first().check();
    await primaryButton(page).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Type it again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Set up and save' }).click();
    await page.getByRole('button', { name: 'I’ve written it down' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noted.');
    for (const view of ['history', 'help', 'settings']) {
      await openAppView(page, harness.url, view);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    }
    await openAppView(page, harness.url, 'history');
    await page.goto('about:blank');
    await page.goto(`${harness.url}/#pause`);
    await page.getByRole('button', { name: 'Begin' }).click();
    expect(outside).toEqual([]);
  });
});
