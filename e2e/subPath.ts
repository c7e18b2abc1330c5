import type { BrowserContext, Page } from '@playwright/test';

export const SUB_PATH = '/some/sub/';

/**
 * Serves the preview server's build under SUB_PATH (the static build is hosted anywhere) by rewriting each
 * request to the server's root; any other path is a 404. `online() === false` fails every request as a lost network
 * would: Playwright fetches a routed request itself, past the browser's offline switch.
 */
export async function serveUnderSubPath(
  target: Page | BrowserContext,
  origin: string,
  online: () => boolean = () => true,
): Promise<void> {
  await target.route(`${origin}/**`, async (route) => {
    if (!online()) return route.abort('internetdisconnected');
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith(SUB_PATH))
      return route.fulfill({ status: 404, body: 'outside the sub-path' });
    url.pathname = url.pathname.slice(SUB_PATH.length - 1);
    try {
      await route.fulfill({ response: await route.fetch({ url: url.toString() }) });
    } catch (error) {
      // A request still in flight when the test ends: its page and its fetch are torn down under it ("Fetch response
      // has been disposed", "Target page, context or browser has been closed", "route.fetch: Test ended."). Nothing
      // is left to serve it to. (The specs also unroute after each test: `unrouteSubPath`.)
      if (error instanceof Error && /has been (disposed|closed)|Test ended/.test(error.message)) return;
      throw error;
    }
  });
}

/**
 * Ends the sub-path's routing before the test's page and context close (a spec's `test.afterEach`), as Playwright
 * advises for routes that may still be running: a request in flight then neither waits nor fails the test.
 */
export async function unrouteSubPath({
  page,
  context,
}: {
  page: Page;
  context: BrowserContext;
}): Promise<void> {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.unrouteAll({ behavior: 'ignoreErrors' });
}
