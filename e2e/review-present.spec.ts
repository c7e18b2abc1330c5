import { DiagramPage, inside } from './diagram-page';
import { expect, test } from './fixtures';

const NAMES = ['CM client (UE)', 'Primary CMS', 'Primary UDB', 'Partner CMS', 'Partner UDB'];

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

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`${viewport.width}x${viewport.height}: one screen, nothing to scroll, the current message and the names on it together`, async ({
    player,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await player.open('?procedure=10.1.4.3.2&step=0&mode=present');
    const diagram = new DiagramPage(page);
    const noScroll = () =>
      page.evaluate(() => {
        const root = document.documentElement;
        return root.scrollHeight <= root.clientHeight && root.scrollWidth <= root.clientWidth;
      });
    // fitted: the diagram's whole width in its box
    await expect.poll(() => diagram.box.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
    const current = page.getByRole('region', { name: 'Current step', exact: true });
    for (let n = 1; n <= 14; n++) {
      await page.keyboard.press('PageDown');
      await expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|#|$)`));
      await diagram.settle();
      expect(await noScroll(), `step ${n}: the page does not scroll`).toBe(true);
      // the current message inside the visible box, the participants' names in sight with it
      expect(inside(await diagram.current(), await diagram.visibleBox()), `step ${n}: message in sight`).toBe(
        true,
      );
      await diagram.expectNamesInSight(NAMES);
      // the clause's words, large, wholly on the screen
      const quote = current.locator('blockquote');
      await expect(quote).toBeInViewport({ ratio: 1 });
      expect(await quote.evaluate((q) => parseFloat(getComputedStyle(q).fontSize))).toBeGreaterThanOrEqual(
        22,
      );
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
