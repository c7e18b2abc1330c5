/**
 * The first diagram of a repeat visit comes from the SVG kept by the earlier one (src/app/player/svgCache.ts),
 * without loading Mermaid, and is stepped through like a fresh one; another text is drawn by Mermaid again.
 */
import type { Page } from '@playwright/test';
import { CACHE_PREFIX, hash53 } from '../src/app/player/svgCache';
import { DEFAULT_TOTALS, expect, freshPage, test } from './fixtures';

const INDEX = `${CACHE_PREFIX}:index`;
/** Mermaid's own chunks: its core and its sequence diagram. */
const MERMAID_CHUNK = /\/assets\/(mermaid\.core|sequenceDiagram)-[^/]*\.js$/;

const source = (page: Page) =>
  page.getByRole('figure', { name: 'Sequence diagram', exact: true }).locator('.sequence-svg');

/** The kept entries, item by item, once the page has written the one for what it shows. */
async function keptEntries(page: Page): Promise<{ item: string; key: string; svg: string; sum: string }[]> {
  await expect
    .poll(() => page.evaluate((index) => JSON.parse(localStorage.getItem(index) ?? '[]').length, INDEX))
    .toBeGreaterThan(0);
  return page.evaluate((index) => {
    const items = JSON.parse(localStorage.getItem(index) ?? '[]') as string[];
    return items.map((item) => ({ item, ...JSON.parse(localStorage.getItem(item) ?? '{}') }));
  }, INDEX);
}

/** Holds back the page's own chunk (React, the player) from the next visit on; the function returned lets it load. */
async function holdPageChunk(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/mount-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

function mermaidRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (MERMAID_CHUNK.test(new URL(request.url()).pathname)) requested.push(request.url());
  });
  return requested;
}

test('a repeat visit draws the kept SVG without Mermaid, and stepping works on it', async ({
  player,
  page,
}) => {
  const total = DEFAULT_TOTALS['10.1.4.3.2'];
  const requested = mermaidRequests(page);
  await player.open('?procedure=10.1.4.3.2&step=1');
  await expect(source(page)).toHaveAttribute('data-source', 'mermaid');
  expect(requested.length).toBeGreaterThan(0);
  await keptEntries(page);

  requested.length = 0;
  await player.open('?procedure=10.1.4.3.2&step=1');
  await expect(source(page)).toHaveAttribute('data-source', 'cache');
  await player.expectStep(1, total);
  await player.button('Next step').click();
  await player.expectStep(2, total);
  await player.clickMessage(5);
  await player.expectStep(5, total);
  await page.keyboard.press('Home');
  await player.expectStep(0, total);
  expect(requested, 'Mermaid is not loaded for a kept diagram').toEqual([]);

  // Another procedure is another text: Mermaid draws it.
  await player.pickProcedure('10.1.4.3.1');
  await expect(source(page)).toHaveAttribute('data-source', 'mermaid');
  expect(requested.length).toBeGreaterThan(0);
  await player.clickMessage(2);
  await player.expectStep(2, DEFAULT_TOTALS['10.1.4.3.1']);
});

test('a changed scenario is drawn afresh, then kept too', async ({ player, editor, page }) => {
  await player.open('?procedure=10.1.4.3.3&step=0');
  await keptEntries(page);
  await player.open('?procedure=10.1.4.3.3&step=0');
  await expect(source(page)).toHaveAttribute('data-source', 'cache');
  // The primary's id is in the diagram (its box's title).
  await editor.set('Primary MC system', 'Primary system id', 'capital.example');
  await expect(source(page)).toHaveAttribute('data-source', 'mermaid');
  await expect.poll(async () => (await keptEntries(page)).length).toBe(2);
  // The reload opens the edited scenario (the saved session): its SVG is the one kept last.
  await player.open();
  await expect(source(page)).toHaveAttribute('data-source', 'cache');
  await player.clickMessage(3);
  await player.expectStep(3);
});

test('the same text gives the same SVG in two fresh pages (Mermaid ids are stable)', async ({
  browser,
  baseURL,
}) => {
  const svgs: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { page, errors } = await freshPage(browser, baseURL);
    await page.goto('./?procedure=10.1.4.3.2&step=0');
    const [entry] = await keptEntries(page);
    svgs.push(entry!.svg);
    expect(errors).toEqual([]);
    await page.context().close();
  }
  expect(svgs[0]).toMatch(/^<svg [^>]*id="sequence-[0-9a-z]+"/);
  expect(svgs[1]).toBe(svgs[0]);
});

test('a corrupted or unusable kept SVG is drawn afresh by Mermaid', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=3');
  const [entry] = await keptEntries(page);

  // Damaged in storage (a label changed): the checksum no longer matches.
  const damaged = entry!.svg.replace('>1. ', '>9. ');
  expect(damaged).not.toBe(entry!.svg);
  await page.evaluate(({ item, value }) => localStorage.setItem(item, value), {
    item: entry!.item,
    value: JSON.stringify({ key: entry!.key, svg: damaged, sum: entry!.sum }),
  });
  await player.open('?procedure=10.1.4.3.2&step=3');
  await expect(source(page)).toHaveAttribute('data-source', 'mermaid');
  await player.expectStep(3);

  // Well-formed and with its checksum, but its messages are not the diagram's: refused once drawn, drawn afresh.
  const [fresh] = await keptEntries(page);
  const stripped = fresh!.svg.replaceAll('data-et="message"', 'data-et="gone"');
  await page.evaluate(({ item, value }) => localStorage.setItem(item, value), {
    item: fresh!.item,
    value: JSON.stringify({ key: fresh!.key, svg: stripped, sum: hash53(stripped, 1) }),
  });
  await player.open('?procedure=10.1.4.3.2&step=3');
  await expect(source(page)).toHaveAttribute('data-source', 'mermaid');
  await player.expectStep(3);
  const [again] = await keptEntries(page);
  expect(again!.svg).toBe(fresh!.svg);
});

test('a repeat visit paints its diagram before React, which then takes it over (a click on it is kept)', async ({
  player,
  page,
}) => {
  const total = DEFAULT_TOTALS['10.1.4.3.2'];
  await player.open('?procedure=10.1.4.3.2&step=1');
  await expect(source(page)).toHaveAttribute('data-source', 'mermaid');
  await keptEntries(page);

  // The page's own chunk (React, the player) held back until released: what is on screen before is the early paint.
  const release = await holdPageChunk(page);
  const requested = mermaidRequests(page);
  await page.goto('./?procedure=10.1.4.3.2&step=1');
  const figure = page.getByRole('figure', { name: 'Sequence diagram', exact: true });
  await expect(figure.locator('svg .step-current[data-step="1"]').first()).toBeAttached();
  await expect(player.button('Next step')).toHaveCount(0);
  // A click on message 4 before React is there.
  await figure.locator('rect.step-hit[data-step="4"]').first().click();
  await expect(source(page)).toHaveAttribute('data-source', 'cache');
  release();

  await expect(player.button('Next step')).toBeVisible();
  await expect(figure).toHaveCount(1);
  await expect(source(page)).toHaveAttribute('data-source', 'cache');
  await player.expectStep(4, total);
  await player.button('Next step').click();
  await player.expectStep(5, total);
  expect(requested, 'Mermaid is not loaded for a kept diagram').toEqual([]);
});

/** A blank page of the app's origin (its storage, none of its scripts). */
async function leaveForBlank(page: Page): Promise<void> {
  await page.route('**/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,">' }),
  );
  await page.goto('./blank.html');
}

/** The note the page keeps of what it showed (src/app/player/earlyView.ts), once it has been left. */
async function leaveAndReadNote(page: Page): Promise<{ build: string; entries: { view: unknown }[] }> {
  await leaveForBlank(page);
  const note = await page.evaluate(() => localStorage.getItem('mcx-early-view'));
  expect(note).not.toBeNull();
  return JSON.parse(note!) as { build: string; entries: { view: unknown }[] };
}

test('after a new build, a visit paints no diagram the previous build noted, and drops its note', async ({
  player,
  page,
}) => {
  // What a previous build may have noted for this address: another diagram (here 10.1.4.3.1's, 3 messages; its
  // SVG is kept too) where this build draws 10.1.4.3.2's.
  await player.open('?procedure=10.1.4.3.1&step=1');
  await keptEntries(page);
  const otherView = (await leaveAndReadNote(page)).entries[0]!.view;
  await player.open('?procedure=10.1.4.3.2&step=1');
  await expect.poll(async () => (await keptEntries(page)).length).toBe(2);
  const note = await leaveAndReadNote(page);
  expect(note.build).toMatch(/^[0-9a-f]{12}$/);
  const swapped = { ...note, entries: note.entries.map((entry) => ({ ...entry, view: otherView })) };

  // React's chunk held back: whatever is on screen until it is released is the early paint.
  const release = await holdPageChunk(page);
  const messages = page.locator('figure[aria-label="Sequence diagram"] .sequence-svg [data-et="message"]');
  // The note is written from outside the app (a page of the app being left writes its own note).
  const visitWith = async (build: string) => {
    await leaveForBlank(page);
    await page.evaluate(
      (value) => localStorage.setItem('mcx-early-view', value),
      JSON.stringify({ ...swapped, build }),
    );
    await page.goto('./?procedure=10.1.4.3.2&step=1');
  };

  // Noted by this build, the note is painted: the check below is the build's id and nothing else.
  await visitWith(note.build);
  await expect(messages).toHaveCount(3);
  // Noted by another build: nothing painted, and the note is gone.
  await visitWith('0123456789ab');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mcx-early-view'))).toBeNull();
  await expect(page.locator('#root svg')).toHaveCount(0);
  release();
  await expect(player.button('Next step')).toBeVisible();
  await player.expectStep(1, DEFAULT_TOTALS['10.1.4.3.2']);
});
