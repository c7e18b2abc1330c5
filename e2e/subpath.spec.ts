import { serveUnderSubPath, unrouteSubPath } from './subPath';
import { expect, test } from './fixtures';

test.afterEach(unrouteSubPath);

// The static build is hosted anywhere: here it is served under /some/sub/ by rewriting each request to the
// preview server's root, so every asset must be addressed relative to the page.
test('the built app works from a sub-path', async ({ page, player, baseURL }) => {
  const root = new URL(baseURL ?? 'http://127.0.0.1:4173/');
  await serveUnderSubPath(page, root.origin);
  await page.goto(`${root.origin}/some/sub/?procedure=10.1.4.3.3&step=4`);
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
  await player.expectStep(4, 11);
  await player.button('Next step').click();
  await player.expectStep(5, 11);
  await expect(page).toHaveURL(/\/some\/sub\/\?procedure=10\.1\.4\.3\.3&step=5$/);
});
