/**
 * Time and faults on the page (CONTRACT.md §10): a message dropped from the message panel (the failure, the cross,
 * undone), the link that carries the fault, Take down, the Timing fieldset, `?mode=assumptions`, a sweep over
 * `faults[0].step` in the explorer; axe on the new views.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { expect, preset, scenarioAddress, test } from './fixtures';
import { ASSUMPTIONS } from '../src/core/procedures/assumptions';
import { ENTITIES } from '../src/core/model/ids';

const message = (page: Page) => page.getByRole('region', { name: 'Current message' });
const result = (page: Page) => page.getByRole('region', { name: 'Resulting profile' });
/** Mermaid draws a lost message (`-x`) with the cross marker at its end. */
const crosses = (page: Page) => page.locator('figure svg [marker-end*="crosshead"]');

test('Drop this message: the run ends with no answer, the cross is drawn; with the timer it fails; Undo takes both back', async ({
  page,
  player,
  editor,
}) => {
  await player.open('?procedure=10.1.4.3.3&step=6');
  await player.expectStep(6, 11);
  await expect(crosses(page)).toHaveCount(0);
  const drop = message(page).getByRole('button', { name: 'Drop this message' });
  await expect(drop).toHaveAttribute('aria-pressed', 'false');
  await drop.click();
  await expect(drop).toHaveAttribute('aria-pressed', 'true');
  await expect(message(page).getByRole('button', { name: 'Delay this message' })).toBeDisabled();
  await expect(player.items.nth(5)).toContainText('Lost');
  await expect(player.items.nth(5)).toContainText(/\d+ ms/);
  await expect(result(page)).toContainText('No answer at step 6');
  await expect(crosses(page)).toHaveCount(1);
  // the link carries the fault
  await expect(page).toHaveURL(/#scenario=/);
  const link = page.url();

  // the client's timer (the Timing fieldset): now the run fails, the timer a step of its own
  await editor.aside.getByLabel('Timeout of cmc (timeoutMs, none by default)').fill('5000');
  await expect(result(page)).toContainText('Failed at step 6a');
  await expect(player.items).toHaveCount(7);
  await expect(player.items.nth(6)).toContainText('5000 ms');

  // Undo, twice: the timer, then the drop
  await editor.button('Undo').click();
  await editor.button('Undo').click();
  await expect(result(page)).not.toContainText('No answer');
  await expect(crosses(page)).toHaveCount(0);
  await expect(drop).toHaveAttribute('aria-pressed', 'false');

  // the link opened afresh holds the drop
  await page.goto(link);
  await expect(message(page).getByRole('button', { name: 'Drop this message' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(crosses(page)).toHaveCount(1);
  await expect(player.alerts).toHaveCount(0);
});

test('Delay this message: 5000 ms late at first; the field beside it sets 8000, and Undo takes it back', async ({
  page,
  player,
  editor,
}) => {
  await player.open('?procedure=10.1.4.3.3&step=6');
  await message(page).getByRole('button', { name: 'Delay this message' }).click();
  await expect(player.items.nth(5)).toContainText(/5,?170 ms/);
  const late = message(page).getByLabel('Delay of step 6, ms (byMs)');
  await expect(late).toHaveValue('5000');
  await late.fill('8000');
  await expect(player.items.nth(5)).toContainText(/8,?170 ms/);
  await expect(player.items.nth(10)).toContainText(/8,?230 ms/);
  await editor.button('Undo').click();
  await expect(player.items.nth(5)).toContainText(/5,?170 ms/);
  await expect(late).toHaveValue('5000');
});

test('Take down, then Bring back up', async ({ page, player }) => {
  await player.open('?procedure=10.1.4.3.3&step=0');
  const panel = page.getByRole('article', { name: ENTITIES['partner-udb'].title });
  await panel.getByRole('button', { name: 'Take down' }).click();
  const up = panel.getByRole('button', { name: 'Bring back up' });
  await expect(up).toHaveAttribute('aria-pressed', 'true');
  await expect(result(page)).toContainText('No answer');
  await expect(crosses(page)).toHaveCount(1);
  await up.click();
  await expect(panel.getByRole('button', { name: 'Take down' })).toHaveAttribute('aria-pressed', 'false');
  await expect(result(page)).not.toContainText('No answer');
});

test('?mode=assumptions lists the register, and a link opens the player at a step where it applies', async ({
  page,
  player,
}, info) => {
  await page.goto('./?mode=assumptions');
  const list = page.getByRole('list', { name: 'Assumptions' });
  await expect(list.locator(':scope > li')).toHaveCount(ASSUMPTIONS.length);
  await expectAccessible(page, info, 'assumptions');
  const timers = list.locator(':scope > li').filter({ hasText: 'timing.timeoutMs' }).first();
  await timers.getByRole('link', { name: '10.1.4.3.3 step 1' }).click();
  await expect(page).toHaveURL(/[?&]procedure=10\.1\.4\.3\.3&step=1/);
  await expect(page).not.toHaveURL(/mode=assumptions/);
  await player.expectStep(1, 11);
});

test('explore: a sweep over faults[0].step, with the timer: invalid and failed cells in the legend', async ({
  page,
  player,
}, info) => {
  const scenario = {
    ...preset('happy-path'),
    faults: [{ kind: 'drop', step: 1 }],
    timing: { timeoutMs: { cmc: 5000 } },
  };
  // the link's scenario is kept in the session; the explorer sweeps the session's scenario
  await player.open(scenarioAddress({ scenario, procedure: '10.1.4.3.3' }));
  await expect(player.alerts).toHaveCount(0);
  await page.goto('./?mode=explore&vary=faults[0].step:1..14&procedures=10.1.4.3.3');
  await expect(page.getByRole('status').filter({ hasText: /cells swept/ })).toHaveText('14 cells swept.');
  const map = page.getByRole('figure', { name: 'Outcome map: 10.1.4.3.3', exact: true });
  await expect(map.getByRole('button', { name: 'step 4: invalid' })).toBeVisible();
  await expect(map.getByRole('button', { name: 'step 6: failed' })).toBeVisible();
  await expect(page.getByText('invalid: the fault does not fit this procedure')).toBeVisible();
  await expectAccessible(page, info, 'explore-faults');

  // With and without the client's timer at a glance: the timeout's rows start off (no timer) and on.
  await page.getByLabel('Field', { exact: true }).first().selectOption('timing.timeoutMs.cmc');
  await expect(page.getByLabel('Values of the first field')).toHaveValue('null,5000');
  await page.getByLabel('Field', { exact: true }).nth(1).selectOption('faults[0].step');
  await expect(page.getByLabel('Values of the second field')).toHaveValue('1..14');
  await expect(page.getByRole('status').filter({ hasText: /cells swept/ })).toHaveText('28 cells swept.');
  await expect(page).toHaveURL(/vary=timing\.timeoutMs\.cmc:null,5000&vary=faults%5B0%5D\.step:1\.\.14/);
  await expect(map.getByRole('button', { name: 'cmc null, step 6: no-answer' })).toBeVisible();
  await expect(map.getByRole('button', { name: 'cmc 5000, step 6: failed' })).toBeVisible();
  await expect(map.locator('text.explore-tick', { hasText: /^none$/ })).toHaveCount(1);
});
