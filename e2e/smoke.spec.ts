import { expect, test } from './fixtures';

// The fixture fails the test on any console error or page error.
test('the app loads with no console errors', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(
    page.getByRole('figure', { name: 'Sequence diagram', exact: true }).locator('svg [data-step]').first(),
  ).toBeAttached();
});
