/**
 * The checker's page (CONTRACT.md §11): the Properties table of a scenario, a failing cell opening its counterexample
 * in the player at the step where the property breaks (with the property's statement and the faults it uses), Cancel
 * on a large search, the way in from the player, axe in light and dark.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { expect, preset, scenarioAddress, test, PlayerPage } from './fixtures';

const table = (page: Page) => page.getByRole('table', { name: 'Properties', exact: true });
const cell = (page: Page, name: string) => table(page).getByRole('cell', { name, exact: true });

async function checked(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /states explored\.$/ })).toBeVisible({
    timeout: 30_000,
  });
}

const METRO = preset('happy-path');

test.describe('check mode', () => {
  test('the Properties table of a scenario, one cell per procedure and property', async ({ page }) => {
    await page.goto(`./${scenarioAddress({ query: { mode: 'check' }, scenario: METRO })}`);
    await checked(page);
    // Worked out by the core's checker (test/golden/check-verdicts.md, metro-to-county, 0 faults): 10.1.4.3.3 hands
    // the partner's profile to the client without the primary CMS checking it; everything else holds.
    await expect(cell(page, '10.1.4.3.3 validated-only: fails')).toBeVisible();
    await expect(cell(page, '10.1.4.3.2 validated-only: holds')).toBeVisible();
    await expect(table(page).getByRole('cell', { name: /: fails$/ })).toHaveCount(1);
    await expect(table(page).getByRole('cell', { name: /: holds$/ })).toHaveCount(11);
    await expect(page).toHaveURL(/[?&]mode=check&faults=0(&|#|$)/);
    await expect(page.getByRole('region', { name: 'Findings' })).toContainText(
      '10.1.4.3.3 validated-only fails without any fault: a property of the clause as written, not of a fault.',
    );
  });

  test('a failing cell opens its counterexample in the player at the breaking step', async ({
    page,
    editor,
  }, info) => {
    await page.goto(
      `./${scenarioAddress({ query: { mode: 'check', faults: '1', procedures: '10.1.4.3.2' }, scenario: METRO })}`,
    );
    await checked(page);
    await expect(table(page).getByRole('cell', { name: /: fails$/ })).toHaveCount(2);
    await cell(page, '10.1.4.3.2 stores-agree: fails').getByRole('button').click();
    // The drop of step 9 (the partner UDB's modified profile): the run ends there, the client with no profile.
    const player = new PlayerPage(page);
    await expect(player.svg.locator('[data-step]').first()).toBeAttached({ timeout: 30_000 });
    await player.expectStep(9, 9);
    const note = page.getByRole('note', { name: 'Checked property' });
    await expect(note).toContainText('stores-agree');
    await expect(note).toContainText('each UDB that stored a profile for migration');
    await expect(note).toContainText('Faults it uses: drop of step 9 (send 1)');
    const url = new URL(page.url());
    expect(url.searchParams.get('mode')).toBeNull();
    expect(url.searchParams.get('procedure')).toBe('10.1.4.3.2');
    expect(url.searchParams.get('property')).toBe('stores-agree');
    expect(url.hash).toMatch(/^#scenario=/);
    await expectAccessible(page, info, 'player with a counterexample');
    // Back: the checker's page again, with its table; Forward: the counterexample.
    await page.goBack();
    await expect(page).toHaveURL(/[?&]mode=check/);
    await checked(page);
    await expect(cell(page, '10.1.4.3.2 stores-agree: fails')).toBeVisible();
    await page.goForward();
    await expect(player.svg.locator('[data-step]').first()).toBeAttached({ timeout: 30_000 });
    await player.expectStep(9, 9);
    await expect(note).toContainText('Faults it uses: drop of step 9 (send 1)');
    // The address is the whole counterexample: opened afresh, it shows the same.
    await page.goto(`./${url.search}${url.hash}`);
    await expect(player.svg.locator('[data-step]').first()).toBeAttached({ timeout: 30_000 });
    await player.expectStep(9, 9);
    await expect(note).toContainText('Faults it uses: drop of step 9 (send 1)');
    // An edit: the note no longer describes the run on the page; Undo brings the checker's run and its note back.
    await editor.aside.getByLabel('Timeout of cmc (timeoutMs, none by default)').fill('5000');
    await expect(note).toContainText('The scenario or the procedure has changed since the checker');
    await expect(note).not.toContainText('Faults it uses');
    // The address no longer calls the run on the page a counterexample (a link or a reload of it).
    await expect(page).not.toHaveURL(/[?&]property=/);
    await editor.button('Undo').click();
    await expect(note).toContainText('Faults it uses: drop of step 9 (send 1)');
    await expect(page).toHaveURL(/[?&]property=stores-agree(&|#|$)/);
    // Another procedure is another run too.
    await page.getByLabel('Procedure', { exact: true }).selectOption('10.1.4.3.3');
    await expect(note).toContainText('has changed since the checker');
    await page.getByLabel('Procedure', { exact: true }).selectOption('10.1.4.3.2');
    await expect(note).toContainText('Faults it uses: drop of step 9 (send 1)');
  });

  test('Cancel stops a large search and keeps what is done', async ({ page }) => {
    await page.goto(
      `./${scenarioAddress({
        query: { mode: 'check', faults: '3', procedures: '10.1.4.3.1,10.1.4.3.2,10.1.4.3.3,10.1.4.x.2' },
        scenario: METRO,
      })}`,
    );
    // The search's own status (a notice is a status too).
    const progress = page
      .getByRole('status')
      .filter({ hasText: /^(Checking:|Cancelled after|[\d,]+ states)/ });
    await expect(progress).toContainText('Checking:');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(progress).toContainText(/^Cancelled after [\d,]+ states/);
    // Not every cell has a verdict, and none comes later.
    const verdicts = table(page).getByRole('cell', { name: /: (holds|fails)$/ });
    const count = await verdicts.count();
    expect(count).toBeLessThan(24);
    await page.waitForTimeout(2000);
    await expect(verdicts).toHaveCount(count);
    await expect(progress).toContainText('Cancelled after');
  });

  test('the player links to the check mode', async ({ page }) => {
    const player = new PlayerPage(page);
    await player.open();
    await player.showReviewTools();
    await page.getByRole('link', { name: 'Check: the properties of every run' }).click();
    await expect(table(page)).toBeVisible();
    await checked(page);
    await expect(page).toHaveURL(/[?&]mode=check/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: the check mode, ${colorScheme}`, async ({ page }, info) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`./${scenarioAddress({ query: { mode: 'check', faults: '1' }, scenario: METRO })}`);
      await checked(page);
      await expectAccessible(page, info, `check-${colorScheme}`);
    });
  }
});
