import { describe, expect, test } from 'vitest';

import { rendererPageUrl, rendererSource } from './renderer-source';

const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };

describe('rendererSource', () => {
  test('a packaged app loads only app://, even when a dev-server URL is set', () => {
    for (const env of [dev, { ELECTRON_RENDERER_URL: 'https://evil.example/' }, {}]) {
      const source = rendererSource(env, true);
      expect(source).toEqual({ base: 'app://attune', devOrigin: null });
      expect(rendererPageUrl(source, 'popover')).toBe('app://attune/index.html#popover');
    }
  });

  test('unpackaged with no dev server (npm start / preview) loads app://', () => {
    expect(rendererSource({}, false)).toEqual({ base: 'app://attune', devOrigin: null });
    expect(rendererSource({ ELECTRON_RENDERER_URL: '' }, false)).toEqual({ base: 'app://attune', devOrigin: null });
  });

  test('unpackaged with electron-vite dev server: pages and trusted origin are the dev server', () => {
    const source = rendererSource(dev, false);
    expect(source).toEqual({ base: 'http://localhost:5173', devOrigin: 'http://localhost:5173' });
    expect(rendererPageUrl(source, 'app/history')).toBe('http://localhost:5173/index.html#app/history');
  });

  test('a trailing slash or a base path on the dev URL gives one clean page URL', () => {
    expect(rendererPageUrl(rendererSource({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false), 'pause')).toBe(
      'http://127.0.0.1:5173/index.html#pause',
    );
    const nested = rendererSource({ ELECTRON_RENDERER_URL: 'https://localhost:5173/renderer/' }, false);
    expect(nested).toEqual({ base: 'https://localhost:5173/renderer', devOrigin: 'https://localhost:5173' });
  });

  test.each(['not a url', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'app://attune'])(
    'an unusable dev URL (%s) falls back to app:// for both the pages and the trusted origin',
    (value) => {
      expect(rendererSource({ ELECTRON_RENDERER_URL: value }, false)).toEqual({ base: 'app://attune', devOrigin: null });
    },
  );

  test('the page it loads is always at app:// or at the origin it trusts (what the navigation and IPC checks allow)', () => {
    for (const [env, isPackaged] of [
      [dev, true],
      [dev, false],
      [{}, false],
      [{ ELECTRON_RENDERER_URL: 'http://localhost:5173/renderer/' }, false],
    ] as const) {
      const source = rendererSource(env, isPackaged);
      const page = new URL(rendererPageUrl(source, 'popover'));
      expect(`${page.protocol}//${page.host}`).toBe(source.devOrigin ?? 'app://attune');
    }
  });
});
