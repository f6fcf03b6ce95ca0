import { describe, expect, test } from 'vitest';

import { contentTypeFor, resolveAppPath } from './resolve-app-path';

const root = '/opt/attune/out/renderer';

describe('resolveAppPath', () => {
  test('maps app://attune paths into the renderer folder', () => {
    expect(resolveAppPath('app://attune/index.html#popover', root)).toBe(`${root}/index.html`);
    expect(resolveAppPath('app://attune/', root)).toBe(`${root}/index.html`);
    expect(resolveAppPath('app://attune/assets/index-abc.js?x=1', root)).toBe(`${root}/assets/index-abc.js`);
  });

  test.each([
    'app://attune/../../../etc/passwd',
    'app://attune/%2e%2e/%2e%2e/etc/passwd',
    'app://attune/assets/..%2f..%2f..%2fsecret',
    'app://attune/a%5c..%5c..%5csecret',
    'app://attune/index.html%00.js',
    'app://other/index.html',
    'https://attune/index.html',
    'app://attune/%E0%A4%A',
    'nonsense',
  ])('never serves a file outside the renderer folder for %s', (url) => {
    const resolved = resolveAppPath(url, root);
    expect(resolved === null || resolved.startsWith(`${root}/`)).toBe(true);
  });

  test.each([
    'app://attune/assets/..%2f..%2f..%2fsecret',
    'app://attune/a%5c..%5c..%5csecret',
    'app://attune/index.html%00.js',
    'app://other/index.html',
    'https://attune/index.html',
    'app://attune/%E0%A4%A',
  ])('refuses %s outright', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  test('content types for what the renderer ships', () => {
    expect(contentTypeFor('a.js')).toContain('javascript');
    expect(contentTypeFor('a.css')).toContain('text/css');
    expect(contentTypeFor('a.html')).toContain('text/html');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
