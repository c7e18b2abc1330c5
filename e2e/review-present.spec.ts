import type { Page } from '@playwright/test';
import { currentOutOfSight, DiagramPage, labelPx } from './diagram-page';
import { DEFAULT_TOTALS, expect, PROCEDURES, test } from './fixtures';

/** The participants of the diagram on the page, as its top name boxes read. */
const participantNames = (page: Page) =>
  page
    .locator('figure[aria-label="Sequence diagram"] .sequence-svg > svg g[data-et="participant"]')
    .evaluateAll((groups) => [...new Set(groups.map((g) => g.textContent?.trim() ?? ''))]);

test('Presentation mode: no editor, no entity panels, the current step large; keys step; Escape leaves', async ({
  player,
  page,
}) => {
  // given the player, with the editor and the entity panels
  await player.open('?procedure=10.1.4.3.2&step=2');
  const editor = page.getByRole('complementary', { name: 'Scenario editor' });
  const entity = page.getByRole('article', { name: 'MC service user database, partner MC system' });
  await expect(editor).toBeVisible();
  await expect(entity).toBeVisible();

  // when entering presentation mode
  await page.getByRole('button', { name: 'Presentation mode', exact: true }).click();

  // then only the diagram, the controls and the current step, in large type
  await expect(page).toHaveURL(/[?&]mode=present(&|#|$)/);
  await expect(editor).toHaveCount(0);
  await expect(entity).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Current message' })).toHaveCount(0);
  await expect(player.steps).toHaveCount(0);
  const current = page.getByRole('region', { name: 'Current step', exact: true });
  await expect(current).toContainText('2. primary-cms → primary-udb');
  const size = await current
    .locator('blockquote')
    .evaluate((quote) => parseFloat(getComputedStyle(quote).fontSize));
  expect(size).toBeGreaterThanOrEqual(22);
  // the diagram fitted: its whole width filling its box (the clause's words beside it)
  await expect
    .poll(() =>
      player.svg.evaluate((svg) => {
        const box = svg.closest('.sequence-scroll');
        if (!box) return Infinity;
        const style = getComputedStyle(box);
        const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return Math.abs(svg.getBoundingClientRect().width - inner);
      }),
    )
    .toBeLessThanOrEqual(1);

  await expect(page.getByRole('button', { name: 'Download SVG' })).toHaveCount(0);

  // the keys still step (the step list is hidden: the diagram, the status and the address say where)
  const at = async (n: number) => {
    await expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|#|$)`));
    await expect(player.svg.locator(`text[data-step="${n}"].step-current`).first()).toBeVisible();
    await expect(player.status).toHaveText(new RegExp(`^Step ${n} of 14: `));
    await expect(current).toContainText(`${n}. `);
  };
  await page.keyboard.press('ArrowRight');
  await at(3);
  await page.keyboard.press('ArrowRight');
  await at(4);
  await page.keyboard.press('ArrowLeft');
  await at(3);
  // what a presentation clicker sends (CONTRACT.md §8), and Space, as in a slide show
  await page.keyboard.press('PageDown');
  await at(4);
  await page.keyboard.press('PageDown');
  await at(5);
  await page.keyboard.press('PageUp');
  await at(4);
  await page.keyboard.press(' ');
  await at(5);
  await expect(player.button('Play')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/[?&]step=0(&|#|$)/);
  await expect(current).toContainText('Before step 1');
  // Play is still a button
  await player.button('Play').click();
  await expect(player.button('Pause')).toBeVisible();
  await at(1);
  await player.button('Pause').click();
  await expect(player.button('Play')).toBeVisible();

  // Escape leaves, back to the player and the editor
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/mode=/);
  await expect(editor).toBeVisible();
  await expect(entity).toBeVisible();
  await expect(page.evaluate(() => document.fullscreenElement === null)).resolves.toBe(true);
});

test('?mode=present opens the presentation; its button leaves it', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.3&step=8&mode=present');
  await expect(page.getByRole('complementary', { name: 'Scenario editor' })).toHaveCount(0);
  const current = page.getByRole('region', { name: 'Current step', exact: true });
  await expect(current).toContainText('8. partner-udb (own action)');
  await expect(current).toContainText('modifies the profile by its policies');
  await page.keyboard.press('ArrowRight');
  await expect(current).toContainText('9. partner-udb (own action)');
  await page.getByRole('button', { name: 'Leave presentation mode' }).click();
  await expect(page.getByRole('complementary', { name: 'Scenario editor' })).toBeVisible();
  await player.expectStep(9, 11);
});

/** The label size a room reads at each screen (CSS pixels on screen), and the explanation's. */
const ROOMS = [
  { viewport: { width: 1280, height: 720 }, label: 16 },
  { viewport: { width: 1920, height: 1080 }, label: 22 },
];

for (const { viewport, label } of ROOMS) {
  test(`${viewport.width}x${viewport.height}: every step of every procedure on one screen, readable; Fit shows the whole flow`, async ({
    player,
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const diagram = new DiagramPage(page);
    const noScroll = () =>
      page.evaluate(() => {
        const root = document.documentElement;
        return root.scrollHeight <= root.clientHeight && root.scrollWidth <= root.clientWidth;
      });
    const current = page.getByRole('region', { name: 'Current step', exact: true });
    for (const procedure of PROCEDURES) {
      await player.open(`?procedure=${procedure}&step=0&mode=present`);
      const total = DEFAULT_TOTALS[procedure];
      // fitted: the diagram's whole width in its box, its labels large enough for the back of the room
      await expect.poll(() => diagram.box.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
      await expect.poll(() => labelPx(page)).toBeGreaterThanOrEqual(label);
      for (let n = 1; n <= total; n++) {
        await page.keyboard.press('PageDown');
        await expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|#|$)`));
        await expect(current.locator('.review-current-route')).toHaveText(new RegExp(`^${n}\\. `));
        await diagram.settle();
        const where = `${procedure} step ${n}`;
        expect(await noScroll(), `${where}: the page does not scroll`).toBe(true);
        // the current message whole, below the participants' names (each over its lifeline, in the box)
        expect(await currentOutOfSight(page), `${where}: the current message in sight`).toEqual([]);
        await diagram.expectNamesInSight(await participantNames(page), true);
        expect(await labelPx(page), `${where}: label size`).toBeGreaterThanOrEqual(label);
        // the clause's words and the explanation, large, wholly on the screen
        const quote = current.locator('blockquote');
        await expect(quote).toBeInViewport({ ratio: 1 });
        expect(await quote.evaluate((q) => parseFloat(getComputedStyle(q).fontSize))).toBeGreaterThanOrEqual(
          22,
        );
        const plain = current.locator('.review-narration p');
        if ((await plain.count()) > 0) {
          await expect(plain).toBeInViewport({ ratio: 1 });
          expect(
            await plain.evaluate((p) => parseFloat(getComputedStyle(p).fontSize)),
          ).toBeGreaterThanOrEqual(20);
        }
      }
      // Fit: the whole flow in the box, its top and bottom names included; the next step reads large again
      await diagram.button('Fit').click();
      await diagram.settle();
      await expect
        .poll(() =>
          page.evaluate(() => {
            const box = document.querySelector('figure[aria-label="Sequence diagram"] .sequence-scroll');
            const svg = box?.querySelector('.sequence-svg > svg');
            if (!box || !svg) return false;
            const b = box.getBoundingClientRect();
            const s = svg.getBoundingClientRect();
            return (
              s.top >= b.top - 1 &&
              s.bottom <= b.top + box.clientHeight + 1 &&
              s.left >= b.left - 1 &&
              s.right <= b.left + box.clientWidth + 1
            );
          }),
        )
        .toBe(true);
      await page.keyboard.press('PageUp');
      await diagram.settle();
      await expect.poll(() => labelPx(page)).toBeGreaterThanOrEqual(label);
      expect(await currentOutOfSight(page)).toEqual([]);
    }
  });
}

test('from the address: the Full screen button goes full screen and back; the presentation stays', async ({
  player,
  page,
}) => {
  await player.open('?procedure=10.1.4.3.3&step=3&mode=present');
  const fullscreen = page.getByRole('button', { name: 'Full screen', exact: true });
  await expect(fullscreen).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await fullscreen.click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.localName ?? null)).toBe('html');
  await expect(fullscreen).toHaveAttribute('aria-pressed', 'true');
  await fullscreen.click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(page).toHaveURL(/[?&]mode=present(&|#|$)/);
  // full screen again: Escape leaves full screen only
  await fullscreen.click();
  await expect(fullscreen).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(page).toHaveURL(/[?&]mode=present(&|#|$)/);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/mode=/);
});

test('the Presentation mode button goes full screen; leaving full screen leaves the presentation', async ({
  player,
  page,
}) => {
  await player.open('?procedure=10.1.4.3.2&step=2');
  await page.getByRole('button', { name: 'Presentation mode', exact: true }).click();
  await expect(page).toHaveURL(/[?&]mode=present(&|#|$)/);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.localName ?? null)).toBe('html');
  await page.evaluate(() => document.exitFullscreen());
  await expect(page).not.toHaveURL(/mode=/);
  await expect(page.getByRole('complementary', { name: 'Scenario editor' })).toBeVisible();
});
