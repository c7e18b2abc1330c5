/**
 * `?embed=1` and its postMessage API (CONTRACT.md §8), as a course page uses them: the app in an 800×500 iframe of a
 * page on another origin, driven by `mcx:goto`, heard through `mcx:step`, and sent hostile messages.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { decodeScenario, scenarioValue } from '../src/app/url';
import { PRESETS } from '../src/core/model/presets';
import { simulate } from '../src/core/engine/run';
import { DEFAULT_TOTALS, STORAGE_KEY, expect, freshPage, preset, scenarioAddress, test } from './fixtures';

interface StepMessage {
  type: string;
  procedure: string;
  step: number;
  total: number;
}

/**
 * A course page with the app in a frame (`src`: the app's address). `window.received` keeps what
 * the frame posts; `window.send` posts to it.
 */
async function openHost(page: Page, src: string, size = { width: 800, height: 500 }): Promise<FrameLocator> {
  // The course page is the test's own document (about:blank, another origin than the app's).
  await page.setContent(`<!doctype html><html lang="en"><head><title>Lesson</title></head><body>
<h1>Lesson 3: migrating users</h1>
<iframe id="sim" src="${src}" title="Simulator" width="${size.width}" height="${size.height}"></iframe>
<script>
  window.received = [];
  const frame = document.getElementById('sim');
  window.addEventListener('message', (e) => { if (e.source === frame.contentWindow) window.received.push(e.data); });
  window.send = (m) => frame.contentWindow.postMessage(m, '*');
</script></body></html>`);
  const frame = page.frameLocator('#sim');
  await expect(frame.locator('figure[aria-label="Sequence diagram"] svg [data-step]').first()).toBeAttached();
  return frame;
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: StepMessage[] }).received);
const send = (page: Page, message: unknown) =>
  page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), message);

/** The frame's status and diagram say step n of total. */
async function expectFrameStep(frame: FrameLocator, n: number, total: number): Promise<void> {
  const status = frame.locator('[aria-live="polite"]');
  if (n === 0) await expect(status).toHaveText(`Before step 1 of ${total}.`);
  else await expect(status).toHaveText(new RegExp(`^Step ${n} of ${total}: `));
  const current = frame.locator('svg .step-current');
  if (n === 0) await expect(current).toHaveCount(0);
  else await expect(current.first()).toHaveAttribute('data-step', String(n));
}

function appUrl(baseURL: string | undefined, query: string): string {
  return new URL(`./${query}`, baseURL ?? 'http://127.0.0.1:4173/').toString();
}

test('the embedded page: the diagram, the controls and the current step, fitting its frame', async ({
  page,
  baseURL,
}) => {
  const frame = await openHost(page, appUrl(baseURL, '?embed=1&procedure=10.1.4.3.3&step=4'));
  await expectFrameStep(frame, 4, DEFAULT_TOTALS['10.1.4.3.3']);
  await expect(frame.getByRole('button', { name: 'Next step', exact: true })).toBeVisible();
  await expect(frame.getByRole('region', { name: 'Current step', exact: true })).toContainText('4. ');
  await expect(frame.getByRole('figure', { name: 'Sequence diagram', exact: true })).toBeVisible();
  // Structurally absent: the editor, the page header, the review tools, the step list and the entity panels.
  await expect(frame.getByRole('complementary', { name: 'Scenario editor' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'MC migration profile simulator' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Quiz mode' })).toHaveCount(0);
  await expect(frame.getByRole('list', { name: 'Steps', exact: true })).toHaveCount(0);
  // No page scrollbars in the frame; the diagram and the step scroll in their own boxes, within the frame.
  const fit = await frame.locator('body').evaluate(() => {
    const root = document.documentElement;
    const inside = (selector: string) => {
      const box = document.querySelector(selector)?.getBoundingClientRect();
      return !!box && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    };
    return {
      scrolls: root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth,
      diagram: inside('.sequence'),
      step: inside('.review-current-step'),
    };
  });
  expect(fit).toEqual({ scrolls: false, diagram: true, step: true });
  // The way to the whole page: a new tab, the same address without embed.
  const open = frame.getByRole('link', { name: /^Open in the simulator/ });
  await expect(open).toHaveAttribute('target', '_blank');
  const href = new URL((await open.getAttribute('href')) ?? '');
  expect(href.searchParams.get('embed')).toBeNull();
  expect(href.search).toBe('?procedure=10.1.4.3.3&step=4');
  expect(href.hash).toMatch(/^#scenario=[\w$+-]+$/);
});

test('the host drives the frame with mcx:goto and hears every step as mcx:step', async ({
  page,
  baseURL,
}) => {
  const frame = await openHost(page, appUrl(baseURL, '?embed=1&procedure=10.1.4.3.3&step=2'));
  // Once as the frame opens.
  await expect
    .poll(() => received(page))
    .toEqual([{ type: 'mcx:step', procedure: '10.1.4.3.3', step: 2, total: 11 }]);
  await send(page, { type: 'mcx:goto', step: 5 });
  await expectFrameStep(frame, 5, 11);
  await frame.getByRole('button', { name: 'Next step', exact: true }).click();
  await expectFrameStep(frame, 6, 11);
  await frame.getByRole('button', { name: 'Previous step', exact: true }).click();
  await expectFrameStep(frame, 5, 11);
  await send(page, { type: 'mcx:goto', step: 14, procedure: '10.1.4.3.2' });
  await expectFrameStep(frame, 14, 14);
  await expect(frame.getByLabel('Procedure')).toHaveValue('10.1.4.3.2');
  await send(page, { type: 'mcx:goto', step: 0 });
  await expectFrameStep(frame, 0, 14);
  await expect
    .poll(() => received(page))
    .toEqual([
      { type: 'mcx:step', procedure: '10.1.4.3.3', step: 2, total: 11 },
      { type: 'mcx:step', procedure: '10.1.4.3.3', step: 5, total: 11 },
      { type: 'mcx:step', procedure: '10.1.4.3.3', step: 6, total: 11 },
      { type: 'mcx:step', procedure: '10.1.4.3.3', step: 5, total: 11 },
      { type: 'mcx:step', procedure: '10.1.4.3.2', step: 14, total: 14 },
      { type: 'mcx:step', procedure: '10.1.4.3.2', step: 0, total: 14 },
    ]);
});

const MARKUP = '<img src=x onerror="window.__pwned=1">';
const HOSTILE: unknown[] = [
  null,
  'mcx:goto',
  MARKUP,
  42,
  [{ type: 'mcx:goto', step: 1 }],
  {},
  { type: MARKUP, step: 1 },
  { type: 'mcx:step', procedure: '10.1.4.3.3', step: 1, total: 11 },
  { type: 'mcx:goto' },
  { type: 'mcx:goto', step: '1' },
  { type: 'mcx:goto', step: MARKUP },
  { type: 'mcx:goto', step: -1 },
  { type: 'mcx:goto', step: 1.5 },
  { type: 'mcx:goto', step: 1e308 },
  { type: 'mcx:goto', step: Number.MAX_SAFE_INTEGER },
  { type: 'mcx:goto', step: 12 },
  { type: 'mcx:goto', step: 4, procedure: '10.1.4.3.9' },
  { type: 'mcx:goto', step: 4, procedure: MARKUP },
  { type: 'mcx:goto', step: 1, procedure: '10.1.4.3.1', html: MARKUP },
  { type: 'mcx:goto', step: 4, procedure: '10.1.4.3.1' },
];

test('hostile messages change nothing and put nothing on the page', async ({ page, baseURL }) => {
  const frame = await openHost(page, appUrl(baseURL, '?embed=1&procedure=10.1.4.3.3&step=3'));
  await expect.poll(async () => (await received(page)).length).toBe(1);
  for (const message of HOSTILE) await send(page, message);
  // A goto to the step shown changes nothing, so posts nothing.
  await send(page, { type: 'mcx:goto', step: 3 });
  // Messages arrive in order: once this one is heard, every one before it has been handled.
  await send(page, { type: 'mcx:goto', step: 7 });
  await expectFrameStep(frame, 7, 11);
  expect((await received(page)).map((m) => m.step)).toEqual([3, 7]);
  await send(page, { type: 'mcx:goto', step: 3 });
  await expectFrameStep(frame, 3, 11);
  // The page is as it was: no markup from any message, nothing ran.
  const html = await frame.locator('body').innerHTML();
  expect(html).not.toMatch(/onerror|__pwned|mcx:/);
  const pwned = await page.frames().map((f) => f.evaluate(() => 'pwned' in window || '__pwned' in window));
  expect(await Promise.all(pwned)).toEqual(pwned.map(() => false));
  await expect(frame.locator('img')).toHaveCount(0);
  await expect(frame.getByRole('alert')).toHaveCount(0);
});

test('every parameter of the player works with embed: a scenario in the fragment or the query, mode', async ({
  page,
}) => {
  const scenario = preset('validation-refused');
  const total = simulate(scenario, '10.1.4.3.2').steps.length;
  for (const form of ['fragment', 'query'] as const) {
    await page.goto(
      `./${scenarioAddress({ scenario, procedure: '10.1.4.3.2', step: 5, query: { embed: '1', mode: 'present' }, form })}`,
    );
    const status = page.locator('[aria-live="polite"]');
    await expect(status).toHaveText(new RegExp(`^Step 5 of ${total}: `));
    await expect(page.getByRole('complementary', { name: 'Scenario editor' })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(status).toHaveText(new RegExp(`^Step 6 of ${total}: `));
    // The address follows, embed and mode kept.
    await expect(page).toHaveURL(/\?embed=1&mode=present&procedure=10\.1\.4\.3\.2&step=6#scenario=/);
  }
});

test("the embedded page neither shows nor changes the user's saved session", async ({ page, player }) => {
  // The user's own scenario, saved by the whole page.
  await player.open(scenarioAddress({ scenario: preset('validation-refused') }));
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY))
    .toContain('"title"');
  const saved = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  // Embedded: the default scenario (not the saved one), and a link's scenario replaces nothing.
  await page.goto('./?embed=1&procedure=10.1.4.3.3&step=1');
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Step 1 of 11: /);
  const shown = new URL(
    (await page.getByRole('link', { name: /^Open in the simulator/ }).getAttribute('href')) ?? '',
  );
  expect(decodeScenario(scenarioValue(shown.search, shown.hash) ?? '')).toEqual({
    ok: true,
    scenario: PRESETS[0]!.scenario,
  });
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Step 2 of 11: /);
  await page.goto(
    `./${scenarioAddress({ scenario: preset('validation-refused'), step: 2, query: { embed: '1' } })}`,
  );
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Step 2 of 12: /);
  await page.goto(
    `./${scenarioAddress({ scenario: preset('no-migration-profile'), step: 2, query: { embed: '1' } })}`,
  );
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Step 2 of \d+: /);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Restore' })).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(saved);
});

test('a bad embed value shows the whole page and says so', async ({ page, player }) => {
  await player.open('?embed=yes');
  await expect(player.alerts).toContainText('Unknown embed value "yes" in the address (expected embed=1)');
  await expect(page.getByRole('complementary', { name: 'Scenario editor' })).toBeVisible();
});

test('Copy embed code gives the iframe of this scenario, procedure and step', async ({
  page,
  player,
  editor,
  context,
  browser,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const scenario = preset('validation-refused');
  await player.open(scenarioAddress({ scenario, procedure: '10.1.4.3.2', step: 3 }));
  await editor.button('Copy embed code').click();
  await expect(editor.aside.getByRole('status').filter({ hasText: 'Embed code copied' })).toBeVisible();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toMatch(
    /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;procedure=10\.1\.4\.3\.2&amp;step=3#scenario=[\w$+-]+" title="MC migration profile simulator: [^"<>]+, 10\.1\.4\.3\.2" width="800" height="500" loading="lazy"><\/iframe>$/,
  );
  // Pasted into a course page, it shows that step, embedded.
  const fresh = await freshPage(browser, baseURL);
  await fresh.page.setContent(`<!doctype html><title>Course</title>${code}`);
  const frame = fresh.page.frameLocator('iframe');
  await expectFrameStep(frame, 3, simulate(scenario, '10.1.4.3.2').steps.length);
  await expect(frame.getByRole('complementary', { name: 'Scenario editor' })).toHaveCount(0);
  expect(fresh.errors).toEqual([]);
  await fresh.page.context().close();
});

test('Copy embed code without a clipboard shows the code in a field', async ({ page, player, editor }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await player.open('?procedure=10.1.4.3.3&step=2');
  await editor.button('Copy embed code').click();
  const field = editor.aside.getByLabel(/^Embed code for a course page/);
  await expect(field).toHaveValue(
    /^<iframe src="[^"]+\?embed=1&amp;procedure=10\.1\.4\.3\.3&amp;step=2#scenario=/,
  );
});
