import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Two projects: main-process / shared code runs in plain Node (no Electron binary here),
// Svelte components run in happy-dom with Svelte's browser build.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/main/**/*.spec.ts',
            'src/shared/**/*.spec.ts',
            'src/preload/**/*.spec.ts',
            'tests/unit/**/*.spec.ts',
            'scripts/**/*.spec.ts',
          ],
          setupFiles: ['tests/messages-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.spec.ts'],
          setupFiles: ['tests/messages-setup.ts', 'tests/renderer-setup.ts'],
        },
      },
    ],
  },
});
