import { DEFAULT_TOTALS, PROCEDURES, expect, test } from './fixtures';

for (const procedure of PROCEDURES) {
  test(`${procedure}: steps forward and back with → and ←`, async ({ player, page }) => {
    await player.open(`?procedure=${procedure}`);
    const total = DEFAULT_TOTALS[procedure];
    await expect(player.items).toHaveCount(total);
    await player.expectStep(0, total);
    for (let n = 1; n <= total; n++) {
      await page.keyboard.press('ArrowRight');
      await player.expectStep(n, total);
    }
    // past the end: nothing happens
    await page.keyboard.press('ArrowRight');
    await player.expectStep(total, total);
    for (let n = total - 1; n >= 0; n--) {
      await page.keyboard.press('ArrowLeft');
      await player.expectStep(n, total);
    }
    await page.keyboard.press('ArrowLeft');
    await player.expectStep(0, total);
  });
}

test('Home restarts, Space plays and pauses', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.2&step=6');
  await page.keyboard.press('Home');
  await player.expectStep(0, 14);
  await page.keyboard.press(' ');
  await expect(player.button('Pause')).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=([1-9]|1[0-4])(&|#|$)/);
  await page.keyboard.press(' ');
  await expect(player.button('Play')).toBeVisible();
  // Paused where it got to (a loaded machine may have played more than one step): everything agrees on it.
  const reached = Number(/^Step (\d+) of 14/.exec((await player.status.textContent()) ?? '')?.[1]);
  expect(reached).toBeGreaterThanOrEqual(1);
  await player.expectStep(reached, 14);
});

test('keys stay with the control that has the focus', async ({ player, page }) => {
  await player.open('?procedure=10.1.4.3.3&step=2');
  // the speed radios move with the arrows: the step does not
  await page.getByRole('radio', { name: '1×' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '2×' })).toBeChecked();
  await player.expectStep(2, 11);
  // Space on a focused button presses that button, once
  await player.button('Next step').focus();
  await page.keyboard.press(' ');
  await player.expectStep(3, 11);
  await expect(player.button('Play')).toBeVisible();
});
