import { defineConfig, devices } from '@playwright/test';
import { baselineFolder, CHROMIUM_ARGS, chromiumPath } from './scripts/chromium';

// Helpers and developers running suites side by side each take their own port (and build folder).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT = PORT === 4173 ? 'dist' : `dist-e2e-${PORT}`;
// CHROMIUM_PATH pins the browser; its screenshot baselines live in a folder of their own (scripts/chromium.ts).
const CHROMIUM = chromiumPath();

export default defineConfig({
  testDir: 'e2e',
  snapshotPathTemplate: `{testDir}/{testFileName}-snapshots/${baselineFolder(CHROMIUM)}/{arg}{ext}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Generous: CI shares two cores between the build, the preview server, two workers and Chromium.
  timeout: 60_000,
  expect: { timeout: 10_000, toHaveScreenshot: { maxDiffPixels: 0, animations: 'disabled', caret: 'hide' } },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    timezoneId: 'UTC',
    locale: 'en-GB',
    // The built app registers a service worker (offline use, CONTRACT.md §9): only the specs about it allow one
    // (e2e/offline.spec.ts), so that no other spec is served from a cache or shares the machine with its precaching.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--font-render-hinting=none', '--disable-lcd-text'],
    },
  },
  // The timing specs (*-perf.spec.ts: a bound on main-thread tasks) run after every other spec and one at a time, so
  // that no other browser shares the two cores while they measure: two of them side by side stalled each other's
  // main thread for 160 to 350 ms. Run one of them alone with --no-deps.
  projects: [
    { name: 'chromium', testIgnore: /-perf\.spec\.ts$/ },
    { name: 'perf', testMatch: /-perf\.spec\.ts$/, dependencies: ['chromium'], workers: 1 },
  ],
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${OUT} && npx vite preview --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
