/**
 * The checker's page keeps the main thread free: from the moment its search starts to its last verdict (four
 * procedures, up to three faults per run: about 24,000 states), no main-thread task over 50 ms (none that the
 * browser counts as a long task). Long tasks are collected from the page's start by a PerformanceObserver; those that
 * end before the search starts (loading the page) are the page's, not the search's.
 */
import { expect, test } from './fixtures';
import { listTasks, longTasks, observeLongTasks } from './longTasks';

const ADDRESS = './?mode=check&faults=3&procedures=10.1.4.3.1,10.1.4.3.2,10.1.4.3.3,10.1.4.x.2';

test('a check of about 24,000 states runs with no main-thread task over 50 ms', async ({ page }, info) => {
  await observeLongTasks(page);
  await page.goto(ADDRESS);
  const started = await page.waitForFunction(
    () =>
      document.querySelector('.check-progress')?.textContent?.startsWith('Checking:')
        ? performance.now()
        : null,
    null,
    { timeout: 30_000, polling: 'raf' },
  );
  const startedAt = (await started.jsonValue()) as number;
  await page.waitForFunction(
    () => /states explored\.$/.test(document.querySelector('.check-progress')?.textContent ?? ''),
    null,
    { timeout: 60_000, polling: 100 },
  );
  const all = await longTasks(page);
  const states = await page.locator('.check-progress').textContent();
  const tasks = all.tasks.filter(([at, d]) => at + d > startedAt);
  const longest = Math.max(0, ...tasks.map(([, d]) => d));
  const listed = listTasks(tasks);
  await info.attach('long tasks during the search (duration at start, ms)', {
    body: listed,
    contentType: 'text/plain',
  });
  console.log(
    `check: ${states} ${tasks.length} long task(s) during the search, longest ${Math.round(longest)} ms`,
  );
  expect(Number(states?.replace(/\D/g, ''))).toBeGreaterThan(20_000);
  expect(tasks, `long tasks during the search (duration at start, ms): ${listed}`).toEqual([]);
  await expect(
    page.getByRole('table', { name: 'Properties' }).getByRole('cell', { name: /: (holds|fails)$/ }),
  ).toHaveCount(24);
});
