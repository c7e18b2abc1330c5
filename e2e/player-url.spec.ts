import { DEFAULT_TOTALS, PROCEDURES, expect, preset, scenarioAddress, test } from './fixtures';

for (const procedure of PROCEDURES) {
  test(`${procedure}: a deep link opens every step`, async ({ player, page }) => {
    test.slow(); // one page load per step
    const total = DEFAULT_TOTALS[procedure];
    for (let n = 0; n <= total; n++) {
      await player.open(`?procedure=${procedure}&step=${n}`);
      await expect(page.getByLabel('Procedure')).toHaveValue(procedure);
      await player.expectStep(n, total);
    }
    await expect(player.alerts).toHaveCount(0);
  });
}

test('the address follows the player', async ({ player, page }) => {
  await player.open();
  const entries = await page.evaluate(() => history.length);
  await expect(page).toHaveURL(/\?procedure=10\.1\.4\.3\.3&step=0$/);
  await player.button('Next step').click();
  await expect(page).toHaveURL(/\?procedure=10\.1\.4\.3\.3&step=1$/);
  await player.pickProcedure('10.1.4.3.1');
  await expect(page).toHaveURL(/\?procedure=10\.1\.4\.3\.1&step=0$/);
  // stepping adds no history entries
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test('a scenario in the address is loaded, and runs its own procedure', async ({ player, page }) => {
  // the primary refuses the partner-modified profile: 11 steps and the error
  await player.open(scenarioAddress({ scenario: preset('validation-refused') }));
  await expect(player.alerts).toHaveCount(0);
  await expect(page.getByLabel('Procedure')).toHaveValue('10.1.4.3.2');
  await expect(player.items).toHaveCount(12);
  const error = player.items.nth(11);
  await expect(error).toContainText('Error');
  await expect(error).toHaveText(/^11a\. primary-cms → cmc/);
  await player.clickItem(12);
  await player.expectStep(12, 12, '11a');
  await expect(page.getByRole('region', { name: 'Current message' })).toContainText('validation failed');
  // the scenario stays in the address, in the fragment
  expect(new URL(page.url()).hash).toMatch(/^#scenario=[\w$+-]+$/);
  expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
});

test('an assumption step is labelled', async ({ player }) => {
  await player.open(
    scenarioAddress({ procedure: '10.1.4.3.3', step: 5, scenario: preset('no-migration-profile') }),
  );
  // the retrieve is step 4; the error after it is 4a, the fifth step of the run
  await player.expectStep(5, 7, '4a');
  const item = player.items.nth(4);
  await expect(item).toContainText('Simulator assumption');
  await expect(item).toContainText('Error');
});

const BAD: { query: string; alert: RegExp; procedure: string; step: number }[] = [
  {
    query: '?procedure=10.1.4.9&step=2',
    alert: /Unknown procedure "10\.1\.4\.9"/,
    procedure: '10.1.4.3.3',
    step: 2,
  },
  {
    query: '?procedure=10.1.4.3.1&step=4',
    alert: /Step 4 .* out of range/,
    procedure: '10.1.4.3.1',
    step: 0,
  },
  {
    query: '?procedure=10.1.4.3.2&step=two',
    alert: /Step "two" .* not a whole number/,
    procedure: '10.1.4.3.2',
    step: 0,
  },
  {
    query: '?procedure=10.1.4.3.2&step=-3',
    alert: /Step "-3" .* not a whole number/,
    procedure: '10.1.4.3.2',
    step: 0,
  },
  {
    query: '?scenario=%%%garbage&step=1',
    alert: /scenario in the address could not be loaded/,
    procedure: '10.1.4.3.3',
    step: 1,
  },
  {
    query: scenarioAddress({
      scenario: { ...preset('happy-path'), ue: { configuredBy: 'nobody' } },
      form: 'query',
    }),
    alert: /scenario in the address could not be loaded \(ue\.configuredBy/,
    procedure: '10.1.4.3.3',
    step: 0,
  },
];

for (const bad of BAD) {
  test(`a bad address shows an alert and falls back: ${bad.query.slice(0, 48)}`, async ({ player, page }) => {
    await player.open(bad.query);
    await expect(player.alerts).toHaveCount(1);
    await expect(player.alerts.first()).toContainText(bad.alert);
    await expect(page.getByLabel('Procedure')).toHaveValue(bad.procedure);
    await player.expectStep(bad.step);
    // the page still works
    await player.button('Next step').click();
    await player.expectStep(bad.step + 1);
    // and the message can be dismissed
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(player.alerts).toHaveCount(0);
  });
}

test('several bad values give one alert each', async ({ player }) => {
  await player.open('?procedure=x&step=y&scenario=z');
  await expect(player.alerts).toHaveCount(3);
  await player.expectStep(0);
});
