import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test, vi } from 'vitest';

import { useTempDirs } from '../../../tests/support/temp-dir';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../shared/csp';

// The Electron boundary: capture what is registered with `protocol`.
const registered: { schemes?: unknown; handler?: (request: Request) => Promise<Response> } = {};
vi.mock(
  import('electron'),
  () =>
    ({
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown) => (registered.schemes = schemes),
        handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (registered.handler = handler),
      },
    }) as never,
);
const { registerAppScheme, serveRendererFrom } = await import('./app-protocol');
const tempDir = useTempDirs();

describe('app:// protocol', () => {
  test('registered as a standard, secure scheme without fetch or CORS', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
    ]);
  });

  test('serves renderer files with the CSP header and nosniff; nothing outside the folder', async () => {
    const root = tempDir();
    const renderer = join(root, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
    writeFileSync(join(renderer, 'assets', 'a.js'), 'export {}');
    writeFileSync(join(root, 'secret.txt'), 'private');
    serveRendererFrom(renderer);
    const page = await registered.handler!(new Request('app://attune/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await registered.handler!(new Request('app://attune/assets/a.js'))).headers.get('content-type')).toContain('javascript');
    for (const url of [
      'app://attune/../secret.txt',
      'app://attune/%2e%2e/secret.txt',
      'app://attune/missing.js',
      'app://other/index.html',
    ]) {
      const response = await registered.handler!(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('private');
    }
  });
});
