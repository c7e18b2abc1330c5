import { expect, test } from './fixtures';

// The static build is hosted anywhere (issue 7): here it is served under /some/sub/ by rewriting each request to the
// preview server's root, so every asset must be addressed relative to the page.
test('the built app works from a sub-path', async ({ page, player, baseURL }) => {
  const root = new URL(baseURL ?? 'http://127.0.0.1:4173/');
  await page.route(`${root.origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith('/some/sub/'))
      return route.fulfill({ status: 404, body: 'outside the sub-path' });
    url.pathname = url.pathname.slice('/some/sub'.length);
    await route.fulfill({ response: await route.fetch({ url: url.toString() }) });
  });
  await page.goto(`${root.origin}/some/sub/?procedure=10.1.4.3.3&step=4`);
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
  await player.expectStep(4, 11);
  await player.button('Next step').click();
  await player.expectStep(5, 11);
  await expect(page).toHaveURL(/\/some\/sub\/\?procedure=10\.1\.4\.3\.3&step=5$/);
});
