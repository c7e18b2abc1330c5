/**
 * The explore mode (CONTRACT.md §8): the outcome maps of a sweep, driven by mouse and keyboard, a cell
 * opened in the player at the step that decided it, Cancel, a bad address, the downloads, axe.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { expect, preset, scenarioAddress, test, type PlayerPage } from './fixtures';

const CAP_BY_FLOOR =
  '?mode=explore&vary=partner.policy.maxPriority:0..7&vary=primary.validation.minPriority:0..7';

const map = (page: Page, id: string) => page.getByRole('figure', { name: `Outcome map: ${id}`, exact: true });
const cell = (page: Page, id: string, name: string) =>
  map(page, id).getByRole('button', { name, exact: true });

/** The player's diagram is drawn and tagged (its checks of the step read it at once). */
async function drawn(player: PlayerPage): Promise<void> {
  await expect(player.svg.locator('[data-step]').first()).toBeAttached({ timeout: 30_000 });
}

async function swept(page: Page, cells: number): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /cells swept/ })).toHaveText(
    `${cells.toLocaleString('en-GB')} cells swept.`,
  );
}

test.describe('explore mode', () => {
  test('maps the partner cap against the primary floor, one figure per procedure', async ({ page }) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await expect(map(page, '10.1.4.3.2')).toBeVisible();
    await expect(map(page, '10.1.4.3.3')).toBeVisible();
    await swept(page, 128);
    await expect(map(page, '10.1.4.3.2').getByRole('button')).toHaveCount(64);
    await expect(map(page, '10.1.4.3.3').getByRole('button')).toHaveCount(64);
    // Worked by hand: the partner caps the profile's priority 7 at 2, below the primary's floor of 5. 10.1.4.3.2
    // (the primary validates, step 11) refuses; 10.1.4.3.3 (no primary check) delivers the capped profile.
    await expect(
      cell(page, '10.1.4.3.2', 'maxPriority 2, minPriority 5: rejected (minPriority)'),
    ).toBeVisible();
    await expect(cell(page, '10.1.4.3.3', 'maxPriority 2, minPriority 5: delivered')).toBeVisible();
    // A cap at or above the floor passes both.
    await expect(cell(page, '10.1.4.3.2', 'maxPriority 5, minPriority 5: delivered')).toBeVisible();
    // Below the diagonal, 10.1.4.3.2 refuses every cell; 10.1.4.3.3 refuses none.
    await expect(
      map(page, '10.1.4.3.2').getByRole('button', { name: /: rejected \(minPriority\)$/ }),
    ).toHaveCount(28);
    await expect(map(page, '10.1.4.3.3').getByRole('button', { name: /: rejected/ })).toHaveCount(0);
  });

  test('a click opens the player on that cell at the step that decided it', async ({ page, player }) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await swept(page, 128);
    await cell(page, '10.1.4.3.2', 'maxPriority 2, minPriority 5: rejected (minPriority)').click();
    // The refusal: the error after step 11 (trace position 12, numbered 11a).
    await expect(page).toHaveURL(/[?&]procedure=10\.1\.4\.3\.2(&|#|$)/);
    await drawn(player);
    await player.expectStep(12, 12, '11a');
    await expect(page.getByRole('region', { name: 'Resulting profile' })).toContainText(
      'priority 2 is below the minimum of 5',
    );
  });

  test('pointing at a cell, or moving to it, shows its details beside it, inside the window', async ({
    page,
  }) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await swept(page, 128);
    const tip = page.locator('.explore-tip');
    await expect(tip).toHaveCount(0);
    // the last row's cell of the second map: the lowest on the page, near the 900 px fold
    const low = cell(page, '10.1.4.3.3', 'maxPriority 7, minPriority 7: delivered');
    await low.hover();
    await expect(tip).toContainText('10.1.4.3.3, maxPriority 7, minPriority 7: delivered; priority 7');
    await expect(tip).toBeInViewport({ ratio: 1 });
    const near = async (name: string) => {
      const box = await cell(page, name.split('|')[0] ?? '', name.split('|')[1] ?? '').boundingBox();
      const at = await tip.boundingBox();
      if (!box || !at) return Infinity;
      // under or over the cell, within a few pixels of it
      return Math.min(Math.abs(at.y - (box.y + box.height)), Math.abs(at.y + at.height - box.y));
    };
    expect(await near('10.1.4.3.3|maxPriority 7, minPriority 7: delivered')).toBeLessThanOrEqual(10);
    // leaving the map takes it away
    await page.mouse.move(2, 2);
    await expect(tip).toHaveCount(0);
    // the focus shows it too, and it follows the arrow keys
    const first = cell(page, '10.1.4.3.2', 'maxPriority 0, minPriority 0: delivered');
    await first.focus();
    await expect(tip).toContainText('10.1.4.3.2, maxPriority 0, minPriority 0: delivered');
    await page.keyboard.press('ArrowDown');
    await expect(tip).toContainText('10.1.4.3.2, maxPriority 1, minPriority 0: delivered');
    await expect(tip).toBeInViewport({ ratio: 1 });
    expect(await near('10.1.4.3.2|maxPriority 1, minPriority 0: delivered')).toBeLessThanOrEqual(10);
  });

  test('the keyboard: one tab stop per map, arrows, Home, End, Enter', async ({ page, player }) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await swept(page, 128);
    const first = cell(page, '10.1.4.3.2', 'maxPriority 0, minPriority 0: delivered');
    await first.focus();
    await expect(first).toBeFocused();
    // The map is one tab stop: Tab leaves it for the next map's one cell.
    await page.keyboard.press('Tab');
    await expect(cell(page, '10.1.4.3.3', 'maxPriority 0, minPriority 0: delivered')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('End');
    await expect(
      cell(page, '10.1.4.3.2', 'maxPriority 0, minPriority 7: rejected (minPriority)'),
    ).toBeFocused();
    await page.keyboard.press('Home');
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const focused = cell(page, '10.1.4.3.2', 'maxPriority 2, minPriority 2: delivered');
    await expect(focused).toBeFocused();
    await expect(page.locator('.explore-details')).toContainText(
      '10.1.4.3.2, maxPriority 2, minPriority 2: delivered',
    );
    await page.keyboard.press('ArrowRight');
    await expect(
      cell(page, '10.1.4.3.2', 'maxPriority 2, minPriority 3: rejected (minPriority)'),
    ).toBeFocused();
    await page.keyboard.press('Enter');
    // A delivered cell would open at the last step; this refusal opens at its error.
    await drawn(player);
    await player.expectStep(12, 12, '11a');
  });

  test('a delivered cell opens at the run’s last step', async ({ page, player }) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await swept(page, 128);
    await cell(page, '10.1.4.3.3', 'maxPriority 2, minPriority 5: delivered').click();
    await expect(page).toHaveURL(/[?&]procedure=10\.1\.4\.3\.3(&|#|$)/);
    await drawn(player);
    await player.expectStep(11, 11);
  });

  test('the controls write the address and sweep again', async ({ page }) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await swept(page, 128);
    await page.getByLabel('Values of the second field').fill('3..4');
    await page.getByLabel('Values of the second field').press('Enter');
    await swept(page, 32);
    await expect(page).toHaveURL(/vary=primary\.validation\.minPriority:3\.\.4(&|#|$)/);
    await page.getByRole('checkbox', { name: /^10\.1\.4\.3\.3/ }).uncheck();
    await swept(page, 16);
    await expect(page).toHaveURL(/[?&]procedures=10\.1\.4\.3\.2(&|#|$)/);
    await expect(map(page, '10.1.4.3.3')).toHaveCount(0);
    // A value list the field cannot take is refused where it was typed; the map stays.
    await page.getByLabel('Values of the first field').fill('7..0');
    await page.getByLabel('Values of the first field').press('Enter');
    await expect(page.getByText(/backwards range/)).toBeVisible();
    await expect(page).toHaveURL(/vary=partner\.policy\.maxPriority:0\.\.7(&|#|$)/);
    await expect(map(page, '10.1.4.3.2').getByRole('button')).toHaveCount(16);
  });

  test('a bad address: a notice naming it, and a usable page', async ({ page }) => {
    await page.goto('./?mode=explore&vary=partner.policy.nope:0..3&procedures=10.1.4.3.2,x');
    const alerts = page.getByRole('alert');
    await expect(alerts.filter({ hasText: 'vary="partner.policy.nope:0..3"' })).toContainText(
      'has no field "nope"',
    );
    await expect(alerts.filter({ hasText: 'procedures="10.1.4.3.2,x"' })).toContainText(
      'unknown procedure "x"',
    );
    // The default map of the procedure that was known.
    await swept(page, 64);
    await expect(
      cell(page, '10.1.4.3.2', 'maxPriority 2, minPriority 5: rejected (minPriority)'),
    ).toBeVisible();
  });

  test('a value the schema refuses: a notice, the controls stay', async ({ page }) => {
    await page.goto('./?mode=explore&vary=partner.policy.maxPriority:250..260');
    await expect(page.getByRole('alert').filter({ hasText: 'The sweep cannot run' })).toContainText(
      'partner.policy.maxPriority=256',
    );
    await expect(page.getByLabel('Values of the first field')).toHaveValue('250..260');
  });

  test('Cancel stops a sweep and keeps what was drawn', async ({ page }) => {
    await page.goto(
      './?mode=explore&vary=partner.policy.maxPriority:0..127&vary=primary.validation.minPriority:0..127',
    );
    await expect(page.getByText(/^Sweeping: /)).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByText(/^Cancelled after [\d,]+ of 32,768 cells/)).toBeVisible();
    const drawn = await page.getByRole('button', { name: /^maxPriority / }).count();
    expect(drawn).toBeLessThan(32_768);
    // Nothing more arrives.
    await page.waitForTimeout(500);
    expect(await page.getByRole('button', { name: /^maxPriority / }).count()).toBe(drawn);
  });

  test('the player links to explore, and explore back to the player', async ({ page, player }) => {
    await player.open();
    await page.getByRole('link', { name: /^Explore/ }).click();
    await expect(page).toHaveURL(/[?&]mode=explore(&|#|$)/);
    await swept(page, 128);
    await expect(page).toHaveURL(
      /vary=partner\.policy\.maxPriority:0\.\.7&vary=primary\.validation\.minPriority:0\.\.7/,
    );
    await page.getByRole('link', { name: 'Back to the player' }).click();
    await drawn(player);
    await expect(page).not.toHaveURL(/mode=explore/);
  });

  test('downloads: SVG, PNG and the cells as the CLI’s CSV', async ({ page }) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await swept(page, 128);
    const save = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name, exact: true }).click(),
      ]);
      return { name: download.suggestedFilename(), body: await readFile((await download.path()) ?? '') };
    };
    const csv = await save('Download cells (CSV)');
    expect(csv.name).toBe('explore-maxPriority-minPriority.csv');
    const lines = csv.body.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'partner.policy.maxPriority,primary.validation.minPriority,procedure,outcome,violations',
    );
    expect(lines).toHaveLength(129);
    expect(lines).toContain('2,5,10.1.4.3.2,rejected,minPriority');
    expect(lines).toContain('2,5,10.1.4.3.3,delivered,');
    const svg = await save('Download SVG');
    expect(svg.name).toBe('explore-maxPriority-minPriority.svg');
    const text = svg.body.toString('utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('Outcome map: 10.1.4.3.2');
    expect(text).toContain('Outcome map: 10.1.4.3.3');
    expect(text.match(/class="explore-cell"/g)).toHaveLength(128);
    const png = await save('Download PNG');
    expect(png.name).toBe('explore-maxPriority-minPriority.png');
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('a scenario in the fragment is the one explored', async ({ page }) => {
    // A floor of 9, above the profile's priority 7: 10.1.4.3.2 refuses whatever the cap (the default's floor is 2).
    const scenario = structuredClone(preset('happy-path'));
    scenario.primary.validation = { ...scenario.primary.validation, minPriority: 9 };
    const address = scenarioAddress({
      query: { mode: 'explore', vary: 'partner.policy.maxPriority:8..9' },
      scenario,
    });
    await page.goto(`./${address}`);
    await swept(page, 4);
    await expect(cell(page, '10.1.4.3.2', 'maxPriority 8: rejected (minPriority)')).toBeVisible();
    await expect(cell(page, '10.1.4.3.3', 'maxPriority 9: delivered')).toBeVisible();
  });

  test('axe: the explore mode', async ({ page }, info) => {
    await page.goto(`./${CAP_BY_FLOOR}`);
    await swept(page, 128);
    await expectAccessible(page, info, 'explore');
  });
});
