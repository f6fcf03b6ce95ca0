import { resolve } from 'node:path';

import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

import { CONTENT_SECURITY_POLICY } from './src/shared/csp';

/** Puts the production CSP into the built HTML (dev keeps Vite's injected styles working). */
const cspMeta = (): Plugin => ({
  name: 'attune-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    ),
});

/**
 * ATTUNE_BUILD=e2e builds the Electron end-to-end entry (tests/electron/e2e-main.ts: the real
 * platform plus test hooks) in place of src/main/index.ts; run it with `--outDir out-e2e`, so the
 * hooks never reach out/, which is what ships.
 */
const mainEntry = process.env.ATTUNE_BUILD === 'e2e' ? 'tests/electron/e2e-main.ts' : 'src/main/index.ts';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(mainEntry) } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() anything but a few Electron modules: bundle it whole, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [svelte({ configFile: resolve('svelte.config.js') }), cspMeta()],
    build: {
      // No inline scripts/styles or data: modules: the CSP allows only 'self'.
      assetsInlineLimit: 0,
      minify: true,
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // Each language's messages are named for it (messages-<locale>-<namespace>), so the bench can add up what a window in that language loads.
        output: {
          chunkFileNames: (chunk) => {
            const messages = /i18n\/generated\/([^/]+)\/([^/.]+)\.ts$/.exec(chunk.facadeModuleId ?? '');
            return messages ? `assets/messages-${messages[1]}-${messages[2]}-[hash].js` : 'assets/[name]-[hash].js';
          },
        },
      },
    },
  },
});
