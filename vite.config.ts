import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { CACHE_PREFIX } from './src/app/player/svgCache.js';
import { buildId } from './scripts/buildId.js';
import { firstPreloads } from './scripts/firstPreloads.js';
import { tsImport } from 'tsx/esm/api';
import { mermaidStubs } from './scripts/mermaidStubs.js';

// The first visit's diagram texts come from the core, loaded by tsx rather than imported here: Vite bundles its
// config, and the core's imports (without file extensions, as Vite and tsx resolve them) are ones its planned native
// config loader would refuse.
const { firstTexts } = (await tsImport(
  './scripts/firstTexts.ts',
  import.meta.url,
)) as typeof import('./scripts/firstTexts');

const stub = (name: string) => fileURLToPath(new URL(`./src/app/vendor/${name}-stub.ts`, import.meta.url));

export default defineConfig({
  // Relative base: the static build works from any sub-path.
  base: './',
  // The build's id (src/app/buildId.ts): what a visit keeps for the next one is not used by another build. The first
  // visit's diagram texts (src/app/firstVisit.ts): Mermaid starts drawing before the core has loaded.
  define: {
    __MCX_BUILD__: JSON.stringify(buildId(fileURLToPath(new URL('.', import.meta.url)))),
    __MCX_FIRST_TEXTS__: JSON.stringify(firstTexts()),
  },
  // mermaidStubs: Mermaid's layout, shape and YAML modules, which its sequence diagrams never run (scripts/).
  plugins: [
    react(),
    mermaidStubs(),
    // The first visit's Mermaid chunks and font, requested by index.html itself (scripts/firstPreloads.ts).
    firstPreloads(`${CACHE_PREFIX}:index`),
    // Offline (CONTRACT.md §9): a Workbox service worker precaching the whole build, registered by the page itself
    // (src/app/offline/registerOffline.ts, after the first view; never in development), a new version waiting for the
    // user's Reload. Every path is relative (sw.js, its scope, the manifest, the precache): any sub-path works.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'MC migration profile simulator',
        short_name: 'MCX simulator',
        description:
          'TS 23.280 clause 10.1.4: MC service user profile retrieval for migrating users, step by step',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4ed8',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,ico,webmanifest}'],
        // Any address of the app (?procedure=…&step=…) opens the precached page offline.
        navigateFallback: 'index.html',
        // Mermaid's largest chunk is about 0.7 MB; the default limit (2 MiB) would drop nothing today, this keeps room.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // Mermaid code this app never runs (it draws sequence diagrams only): out of the bundle (src/app/vendor/).
  resolve: {
    alias: [
      { find: /^marked$/, replacement: stub('marked') },
      { find: /^roughjs$/, replacement: stub('roughjs') },
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Two took 40 s here
    // where one took 65-70 s (the files spend much of their time importing and setting up jsdom, not computing).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // jsdom component tests take seconds on a loaded 2-core machine: time-outs are for hangs, not for speed.
    testTimeout: 30_000,
  },
});
