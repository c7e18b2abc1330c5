import { DEFAULT_TOTALS, PROCEDURES, expect, test } from './fixtures';

for (const procedure of PROCEDURES) {
  test(`${procedure}: steps forward and back with the buttons`, async ({ player }) => {
    // given the procedure, before step 1
    await player.open(`?procedure=${procedure}`);
    const total = DEFAULT_TOTALS[procedure];
    await expect(player.items).toHaveCount(total);
    await player.expectStep(0, total);
    await expect(player.button('Previous step')).toHaveAttribute('aria-disabled', 'true');
    const svg = await player.svg.elementHandle();

    // when stepping to the end, then back to the start
    for (let n = 1; n <= total; n++) {
      await player.button('Next step').click();
      await player.expectStep(n, total);
    }
    await expect(player.button('Next step')).toHaveAttribute('aria-disabled', 'true');
    for (let n = total - 1; n >= 0; n--) {
      await player.button('Previous step').click();
      await player.expectStep(n, total);
    }

    // then the SVG was never drawn again: stepping only toggles classes
    expect(await svg?.evaluate((element) => element.isConnected)).toBe(true);
  });
}

test('Restart goes back to before step 1', async ({ player }) => {
  await player.open('?procedure=10.1.4.3.2&step=9');
  await player.expectStep(9);
  await player.button('Restart').click();
  await player.expectStep(0);
});

test('the picker lists the procedures by clause, the draft marked superseded, and resets the step', async ({
  player,
  page,
}) => {
  await player.open('?procedure=10.1.4.3.3&step=5');
  const picker = page.getByLabel('Procedure');
  await expect(picker.locator('option')).toHaveText([
    /^10\.1\.4\.3\.1 .*Non-migrated MC service user$/,
    /^10\.1\.4\.3\.2 .*primary MC system configures MC service UE$/,
    /^10\.1\.4\.3\.3 .*partner MC system configures MC service UE$/,
    /^10\.1\.4\.x\.2 .*\(earlier draft, superseded\)$/,
  ]);
  await player.pickProcedure('10.1.4.x.2');
  await player.expectStep(0, 13);
  await expect(page.getByText(/superseded draft/)).toBeVisible();
});

test('Play advances to the end and stops; the button toggles between Play and Pause', async ({
  player,
  page,
}) => {
  await player.open('?procedure=10.1.4.3.1');
  await page.getByRole('radio', { name: '2×' }).check();
  await player.button('Play').click();
  await expect(player.button('Pause')).toBeVisible();
  await expect(player.button('Play')).toHaveCount(0);
  // 3 steps at 2×: 1.5 s
  await player.expectStep(3, 3);
  await expect(player.button('Play')).toBeVisible();
  // Play at the end starts over (slowly: a step every 2 s)
  await page.getByRole('radio', { name: '0.5×' }).check();
  await player.button('Play').click();
  await player.expectStep(0, 3);
  await player.expectStep(1, 3);
  await player.button('Pause').click();
  await expect(player.button('Play')).toBeVisible();
  await player.expectStep(1, 3);
});

test('Pause stops the player where it is', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.3');
  await page.getByRole('radio', { name: '0.5×' }).check();
  await player.button('Play').click();
  await player.button('Pause').click();
  await page.waitForTimeout(2300);
  await player.expectStep(0, 11);
});

test('the current message and the entities follow the step', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.3&step=8');
  const message = page.getByRole('region', { name: 'Current message' });
  await expect(message).toContainText('8. partner-udb (own action)');
  await expect(message).toContainText('udb.modify');
  // before/after with the rules
  const diff = message.getByRole('table');
  await expect(diff.getByRole('row', { name: /Priority/ })).toContainText('7');
  await expect(diff.getByRole('row', { name: /Priority/ })).toContainText('3');
  await expect(diff.getByRole('row', { name: /Priority/ })).toContainText('maxPriority');
  await expect(diff.getByRole('row', { name: /Private call list/ })).toContainText('privateCall');
  // the partner UDB changed in this step
  const udb = page.getByRole('article', { name: 'MC service user database, partner MC system' });
  await expect(udb).toContainText('changed');
  await expect(udb).toContainText('partner-udb · county.example');
  await expect(
    page.getByRole('article', { name: 'Configuration management client (MC service UE)' }),
  ).not.toContainText('changed');

  await player.button('Next step').click();
  await player.button('Next step').click();
  await player.button('Next step').click();
  await player.expectStep(11, 11);
  await expect(message).toContainText('11. partner-cms → cmc');
  await expect(message).toContainText('profile.provide');
  await expect(message).toContainText('Profile #2 Mutual aid: County');
  await expect(
    page.getByRole('article', { name: 'Configuration management client (MC service UE)' }),
  ).toContainText('configured');
});

test('the request names the partner system', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=1');
  const message = page.getByRole('region', { name: 'Current message' });
  await expect(message).toContainText('profile.request');
  await expect(message).toContainText('county.example');
  await expect(message).toContainText('sip:alice@metro.example');
});
