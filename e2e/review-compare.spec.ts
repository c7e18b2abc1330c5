import { compareProcedures } from '../src/core/explore/compare';
import { expect, test } from './fixtures';

const figure = (page: import('@playwright/test').Page, id: string) =>
  page.getByRole('figure', { name: `Sequence diagram: ${id}`, exact: true });

test('the draft against 10.1.4.3.3: its steps 2 and 3 are removed, in the table and in the left diagram', async ({
  player,
  page,
}) => {
  // given the player
  await player.open('?procedure=10.1.4.3.3&step=4');
  const before = await page.evaluate(() => history.length);

  // when following the link
  await page.getByRole('link', { name: 'Compare the draft with 10.1.4.3.3' }).click();

  // then two figures side by side, each with its Mermaid SVG tagged by step
  await expect(page).toHaveURL(/[?&]compare=10\.1\.4\.x\.2,10\.1\.4\.3\.3(&|$)/);
  const left = figure(page, '10.1.4.x.2');
  const right = figure(page, '10.1.4.3.3');
  await expect(left.locator('svg [data-step]').first()).toBeAttached();
  await expect(right.locator('svg [data-step]').first()).toBeAttached();
  await expect(left.locator('svg [data-et="message"]')).toHaveCount(13);
  await expect(right.locator('svg [data-et="message"]')).toHaveCount(11);
  // the player is not shown
  await expect(page.getByRole('figure', { name: 'Sequence diagram', exact: true })).toHaveCount(0);

  // the table: one row per aligned pair, the draft's steps 2 and 3 removed
  const table = page.getByRole('table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(compareProcedures('10.1.4.x.2', '10.1.4.3.3').length);
  for (const n of [2, 3]) {
    const row = rows
      .filter({ has: page.getByRole('cell', { name: new RegExp(`^${n}\\. partner-`) }) })
      .first();
    await expect(row).toHaveAttribute('data-status', 'removed');
    await expect(row.getByRole('cell').nth(1)).toHaveText('—');
    await expect(row.getByRole('cell').nth(2)).toHaveText('Removed');
    await expect(row.locator('del')).toHaveCount(1);
  }
  await expect(table.locator('tr[data-status="removed"]')).toHaveCount(2);
  await expect(table.locator('tr[data-status="added"]')).toHaveCount(0);
  // a reworded step: the draft's typo struck, the revised words underlined
  const first = rows.first();
  await expect(first).toHaveAttribute('data-status', 'reworded');
  await expect(first.locator('del')).toContainText('theconfiguration');
  await expect(first.locator('ins').first()).toBeVisible();

  // the left diagram: every element of steps 2 and 3 marked removed, and nothing else
  for (const n of [2, 3]) {
    const elements = left.locator(`svg [data-step="${n}"]`);
    expect(await elements.count()).toBeGreaterThanOrEqual(3);
    await expect(left.locator(`svg [data-step="${n}"]:not(.step-removed)`)).toHaveCount(0);
  }
  await expect(left.locator('svg .step-removed:not([data-step="2"]):not([data-step="3"])')).toHaveCount(0);
  await expect(left.locator('svg text.step-removed').first()).toContainText('2.');
  await expect(right.locator('svg .step-removed, svg .step-added')).toHaveCount(0);
  // reworded steps marked on both sides: draft step 4 is 10.1.4.3.3 step 2
  await expect(left.locator('svg [data-et="message"][data-step="4"]')).toHaveClass(/step-reworded/);
  await expect(right.locator('svg [data-et="message"][data-step="2"]')).toHaveClass(/step-reworded/);

  // and back to the player, where it was
  await page.getByRole('button', { name: 'Back to the player' }).click();
  await expect(page).not.toHaveURL(/compare=/);
  await player.expectStep(4, 11);
  expect(await page.evaluate(() => history.length)).toBe(before + 2);
  await expect(player.alerts).toHaveCount(0);
});

test('10.1.4.3.2 against 10.1.4.3.3: the primary-side steps removed, the partner-side ones added', async ({
  player,
  page,
}) => {
  await player.open();
  await page.getByRole('link', { name: 'Compare 10.1.4.3.2 with 10.1.4.3.3' }).click();
  await expect(page).toHaveURL(/[?&]compare=10\.1\.4\.3\.2,10\.1\.4\.3\.3(&|$)/);
  const left = figure(page, '10.1.4.3.2');
  const right = figure(page, '10.1.4.3.3');
  await expect(left.locator('svg [data-step]').first()).toBeAttached();
  await expect(right.locator('svg [data-step]').first()).toBeAttached();
  const rows = compareProcedures('10.1.4.3.2', '10.1.4.3.3');
  const removed = rows.filter((r) => r.status === 'removed').map((r) => r.left!.n);
  const added = rows.filter((r) => r.status === 'added').map((r) => r.right!.n);
  expect(removed).toEqual([1, 10, 11, 12, 13, 14]);
  expect(added).toEqual([1, 2, 11]);
  for (const n of removed)
    await expect(left.locator(`svg [data-et="message"][data-step="${n}"]`).first()).toHaveClass(
      /step-removed/,
    );
  for (const n of added)
    await expect(right.locator(`svg [data-et="message"][data-step="${n}"]`)).toHaveClass(/step-added/);
  // step 13's acknowledgement is part of step 13: marked too
  await expect(left.locator('svg [data-et="message"][data-step="13"].step-removed')).toHaveCount(2);
  await expect(page.getByRole('table').locator('tr[data-status="added"]')).toHaveCount(3);

  // the back button of the browser returns to the player
  await page.goBack();
  await expect(player.figure).toBeVisible();
  await expect(left).toHaveCount(0);
});

test('the sides can be changed; picking the other side swaps them', async ({ page }) => {
  await page.goto('./?compare=10.1.4.3.2,10.1.4.3.3');
  await expect(figure(page, '10.1.4.3.2').locator('svg')).toBeVisible();
  await page.getByLabel('Left side').selectOption('10.1.4.3.1');
  await expect(page).toHaveURL(/[?&]compare=10\.1\.4\.3\.1,10\.1\.4\.3\.3(&|$)/);
  await expect(figure(page, '10.1.4.3.1').locator('svg [data-step="3"]').first()).toBeAttached();
  await page.getByLabel('Right side').selectOption('10.1.4.3.1');
  await expect(page).toHaveURL(/[?&]compare=10\.1\.4\.3\.3,10\.1\.4\.3\.1(&|$)/);
  await expect(page.getByRole('heading', { name: 'Compare 10.1.4.3.3 with 10.1.4.3.1' })).toBeVisible();
});

const BAD: { query: string; alert: RegExp }[] = [
  { query: '?compare=10.1.4.3.3,10.1.4.9', alert: /Unknown procedure "10\.1\.4\.9" in compare=/ },
  { query: '?compare=10.1.4.3.3', alert: /needs two procedures separated by a comma/ },
  { query: '?compare=10.1.4.3.3,10.1.4.3.3', alert: /names the same procedure twice/ },
  { query: '?compare=', alert: /needs two procedures/ },
  { query: '?mode=karaoke', alert: /Unknown mode "karaoke"/ },
];

for (const bad of BAD) {
  test(`a bad review address shows an alert and the player: ${bad.query}`, async ({ player, page }) => {
    await player.open(bad.query);
    await expect(player.alerts).toHaveCount(1);
    await expect(player.alerts.first()).toContainText(bad.alert);
    await expect(player.alerts.first()).toContainText('showing the player');
    // the bad value leaves the address, and the player works
    await expect(page).not.toHaveURL(/compare=|mode=/);
    await player.button('Next step').click();
    await player.expectStep(1);
  });
}
