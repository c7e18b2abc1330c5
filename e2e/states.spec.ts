/**
 * The States view (CONTRACT.md §12): one statechart per entity, lit in step with the player; a state goes to the
 * first step its entity entered it; loaded only when shown; axe-clean with the view open.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './a11y';
import { expect, preset, PROCEDURES, scenarioAddress, test } from './fixtures';

const chart = (page: Page, id: string) =>
  page.getByRole('figure', { name: `Statechart: ${id}`, exact: true });

/** Each chart's lit state beside its entity panel's State row, as one line per entity. */
const litAndPanels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('figure[data-entity]')].map((figure) => {
      const id = figure.getAttribute('data-entity') ?? '';
      const lit = [...figure.querySelectorAll('.state-current')].map((e) => e.getAttribute('aria-label'));
      const panel = document.getElementById(`entity-${id}`)?.closest('article');
      const term = [...(panel?.querySelectorAll('dt') ?? [])].find((dt) =>
        dt.textContent?.startsWith('State'),
      );
      return `${id}: ${lit.join(',')} | ${term?.nextElementSibling?.textContent ?? '?'}`;
    }),
  );

for (const id of ['primary-configures', 'happy-path']) {
  test(`the lit state is the entity panel's State row at every step of every procedure (${id})`, async ({
    page,
    player,
  }) => {
    test.slow();
    for (const procedure of PROCEDURES) {
      await player.open(
        scenarioAddress({ procedure, step: 0, scenario: preset(id), query: { states: '1' } }),
      );
      await expect(chart(page, 'cmc')).toBeVisible();
      const total = await player.items.count();
      expect(total).toBeGreaterThan(0);
      for (let k = 0; k <= total; k += 1) {
        if (k > 0) await player.button('Next step').click();
        await player.expectStep(k, total, undefined);
        await expect
          .poll(async () =>
            (await litAndPanels(page)).filter(
              (line) => line.split(' | ')[0]!.split(': ')[1] !== line.split(' | ')[1],
            ),
          )
          .toEqual([]);
        // One state lit per chart, and no chart without one.
        const lines = await litAndPanels(page);
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) expect(line).not.toContain(': |');
      }
    }
  });
}

test('activating a state moves the player to the first step its entity entered it, by pointer and keyboard', async ({
  page,
  player,
}) => {
  await player.open(
    scenarioAddress({
      procedure: '10.1.4.3.2',
      step: 14,
      scenario: preset('primary-configures'),
      query: { states: '1' },
    }),
  );
  const primary = chart(page, 'primary-cms');
  await primary.getByRole('button', { name: 'storing', exact: true }).click();
  await player.expectStep(11, 14);
  await expect(primary.locator('.state-current')).toHaveAttribute('aria-label', 'storing');
  await expect(primary.locator('.transition-current')).toHaveAttribute(
    'data-transition',
    'validating->storing',
  );
  await expect(page).toHaveURL(/[?&]step=11(&|#|$)/);

  const validating = primary.getByRole('button', { name: 'validating', exact: true });
  await validating.focus();
  await page.keyboard.press('Enter');
  await player.expectStep(10, 14);
  await expect(validating).toHaveAttribute('aria-current', 'true');
  await chart(page, 'partner-udb').getByRole('button', { name: 'modifying', exact: true }).focus();
  await page.keyboard.press(' ');
  await player.expectStep(6, 14);
  // a state this run never entered is disabled, and a click on it does nothing
  const obtaining = primary.getByRole('button', { name: 'obtaining', exact: true });
  await expect(obtaining).toHaveAttribute('aria-disabled', 'true');
  await obtaining.click({ force: true });
  await player.expectStep(6, 14);
});

test('the view and its layout load only when it is shown; the toggle and the address agree', async ({
  page,
  player,
}) => {
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (/StatesView/.test(r.url())) chunks.push(r.url());
  });
  await player.open('?procedure=10.1.4.3.3&step=3');
  await player.expectStep(3, 11);
  // the editor (loaded after the first diagram) is in: the first view is complete, and has not asked for the view
  await expect(
    page.getByRole('complementary', { name: 'Scenario editor' }).getByRole('button', { name: 'Undo' }),
  ).toBeVisible();
  expect(chunks).toEqual([]);
  const toggle = page.getByRole('button', { name: 'States', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(chart(page, 'partner-cms')).toBeVisible();
  expect(chunks.length).toBeGreaterThan(0);
  await expect(page).toHaveURL(/[?&]states=1/);
  // 10.1.4.3.3: the client, both CMSs and both UDBs
  await expect(page.getByRole('figure', { name: /^Statechart: / })).toHaveCount(5);
  await expect(chart(page, 'partner-cms').locator('.state-current')).toHaveAttribute(
    'aria-label',
    'awaitingPrimary',
  );
  await toggle.click();
  await expect(page.getByRole('figure', { name: /^Statechart: / })).toHaveCount(0);
  await expect(page).not.toHaveURL(/states=/);
});

test('presentation mode shows the view from the address, and steps it with the presenter keys', async ({
  page,
  player,
}) => {
  await player.open('?mode=present&procedure=10.1.4.3.1&step=1&states=1');
  await expect(page.getByRole('figure', { name: /^Statechart: / })).toHaveCount(2);
  await expect(chart(page, 'primary-cms').locator('.state-current')).toHaveAttribute(
    'aria-label',
    'obtaining',
  );
  await page.keyboard.press('PageDown');
  await expect(chart(page, 'primary-cms').locator('.state-current')).toHaveAttribute('aria-label', 'idle');
  await expect(chart(page, 'primary-cms').locator('.transition-current')).toHaveAttribute(
    'data-transition',
    'obtaining->idle',
  );
});

test('a bad states value is a notice, and the view stays hidden', async ({ page, player }) => {
  await player.open('?procedure=10.1.4.3.3&step=0&states=maybe');
  await expect(
    page.getByText(
      'Unknown states value "maybe" in the address (expected states=1); the States view is hidden.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('figure', { name: /^Statechart: / })).toHaveCount(0);
  await expect(page).not.toHaveURL(/states=/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious with the view open, coverage shown (${colorScheme})`, async ({
    page,
    player,
  }, info) => {
    test.slow();
    await page.emulateMedia({ colorScheme });
    await player.open(
      scenarioAddress({
        procedure: '10.1.4.3.2',
        step: 11,
        scenario: preset('primary-configures'),
        query: { states: '1' },
      }),
    );
    await expect(chart(page, 'primary-cms')).toBeVisible();
    await page.getByRole('button', { name: 'Every preset and procedure', exact: true }).click();
    await expect(page.getByText(/runs: each preset under each procedure/)).toBeVisible();
    await expectAccessible(page, info, `States view (${colorScheme})`);
  });
}
