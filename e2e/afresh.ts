/**
 * A fresh start on the same page: what a new browser context gives a test (nothing stored for the app), without the
 * cost of one per case when a test walks many cases that must each start from nothing.
 */
import { test, type Page } from '@playwright/test';

/**
 * Leaves the app (so that nothing it writes on the way out lands after the clearing) and clears all its origin
 * stored: the saved session and notes, the diagram cache, the early view (localStorage is all the app uses). The next
 * `page.goto` opens the app as a first visit does.
 */
export async function startAfresh(page: Page): Promise<void> {
  const { origin } = new URL(page.url());
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
}

/**
 * Runs each case on the test's one page, each but the first after `startAfresh`, each a step of its own (its title in
 * the report and in a failure).
 */
export async function eachAfresh<F extends { page: Page }>(
  fixtures: F,
  cases: [title: string, run: (fixtures: F) => Promise<void>][],
): Promise<void> {
  for (const [i, [title, run]] of cases.entries()) {
    if (i > 0) await startAfresh(fixtures.page);
    await test.step(title, () => run(fixtures));
  }
}
