/**
 * Offline (CONTRACT.md §9): after one visit, the built app works with the network off, at any address of the player,
 * from the server's root and from a sub-path; the service worker is relative to the page.
 */
import { serveUnderSubPath, unrouteSubPath } from './subPath';
import type { BrowserContext, Page } from '@playwright/test';
import { DEFAULT_TOTALS, expect, test, type PlayerPage } from './fixtures';

test.afterEach(unrouteSubPath);

test.use({ serviceWorkers: 'allow' });

/** The page's service worker is active and controls it (the first visit installs it; a reload puts it in control). */
async function installed(page: Page, scope: string): Promise<void> {
  // `ready` resolves once there is an active worker (activating, then activated: the precache is complete by then).
  const active = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { scope: registration.scope, state: registration.active?.state ?? null };
    });
  await expect.poll(active, { timeout: 30_000 }).toEqual({ scope, state: 'activated' });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function expectDrawn(player: PlayerPage, step: number, total: number): Promise<void> {
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
  await player.expectStep(step, total);
}

async function offline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
}

test('after one visit, the app works offline', async ({ page, player, context, baseURL }) => {
  await player.open('?procedure=10.1.4.3.2&step=3');
  await installed(page, new URL('./', baseURL).href);
  await offline(context, page);
  await page.reload();
  await expectDrawn(player, 3, DEFAULT_TOTALS['10.1.4.3.2']);
  await player.button('Next step').click();
  await player.expectStep(4, DEFAULT_TOTALS['10.1.4.3.2']);
  // Another address of the player, never visited: the precached page answers it; the editor loads too.
  await page.goto('./?procedure=10.1.4.3.1&step=2');
  await expectDrawn(player, 2, DEFAULT_TOTALS['10.1.4.3.1']);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  // The embedded page too.
  await page.goto('./?embed=1&procedure=10.1.4.3.3&step=5');
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Step 5 of 11: /);
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
});

// The static build hosted under /some/sub/ (as e2e/subpath.spec.ts does), the worker included: every request of the
// context (the page's and the worker's) is rewritten to the preview server's root.
test('from a sub-path, the app works offline', async ({ page, player, context, baseURL }) => {
  const root = new URL(baseURL ?? 'http://127.0.0.1:4173/');
  let network = true;
  await serveUnderSubPath(context, root.origin, () => network);
  await page.goto(`${root.origin}/some/sub/?procedure=10.1.4.3.3&step=4`);
  await expectDrawn(player, 4, DEFAULT_TOTALS['10.1.4.3.3']);
  await installed(page, `${root.origin}/some/sub/`);
  network = false;
  await offline(context, page);
  await page.reload();
  await expectDrawn(player, 4, DEFAULT_TOTALS['10.1.4.3.3']);
  await player.button('Next step').click();
  await player.expectStep(5, DEFAULT_TOTALS['10.1.4.3.3']);
  await expect(page).toHaveURL(/\/some\/sub\/\?procedure=10\.1\.4\.3\.3&step=5$/);
});
