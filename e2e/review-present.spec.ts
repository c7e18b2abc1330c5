import { expect, test } from './fixtures';

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
  const normal = await player.svg.evaluate((svg) => svg.getBoundingClientRect().width);

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
  expect(size).toBeGreaterThanOrEqual(24);
  expect(await player.svg.evaluate((svg) => svg.getBoundingClientRect().width)).toBeGreaterThanOrEqual(
    normal,
  );
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
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/[?&]step=0(&|#|$)/);
  await expect(current).toContainText('Before step 1');
  await page.keyboard.press(' ');
  await expect(player.button('Pause')).toBeVisible();
  await at(1);
  await page.keyboard.press(' ');
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
