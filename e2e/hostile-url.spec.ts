/**
 * Bad addresses and corrupted saved sessions: each gives a message (role="alert") and a working page with the
 * default, never a crash, never a console error, and nothing of the bad value runs.
 */
import { encodeScenarioText } from '../src/app/url';
import {
  DEFAULT_TITLE,
  STORAGE_KEY as KEY,
  expect,
  preset,
  scenarioAddress,
  test,
  type PlayerPage,
} from './fixtures';
import { HOSTILE_SCENARIOS, expectDiagram, expectNotPwned } from './hostile';

const happy = preset('happy-path');
const pack = encodeScenarioText;
const XSS = '<img src=x onerror="window.__pwned=1">';

/** The player is there and steps: Next step moves on by one. */
async function stillWorks(player: PlayerPage): Promise<void> {
  await expectDiagram(player);
  const before = Number(new URL(player.page.url()).searchParams.get('step') ?? 0);
  await player.button('Next step').click();
  await player.expectStep(before + 1);
  await expectNotPwned(player.page);
}

type Param = 'procedure' | 'step' | 'scenario' | 'compare' | 'mode';
type BadValue = { value: string; alert: RegExp };

/** Bad values of each parameter, each with the alert it gives. */
const BAD: Record<Param, BadValue[]> = {
  procedure: [
    { value: 'nope', alert: /Unknown procedure "nope"/ },
    { value: XSS, alert: /Unknown procedure "<img src=x onerror=\\"window\.__pwned=1\\">"/ },
  ],
  step: [
    { value: 'abc', alert: /Step "abc" .* not a whole number/ },
    { value: '-1', alert: /Step "-1" .* not a whole number/ },
    { value: '99999', alert: /Step 99999 .* out of range/ },
    { value: '1e3', alert: /Step "1e3" .* not a whole number/ },
  ],
  scenario: [
    { value: '✓garbage!!', alert: /scenario in the address could not be loaded/ },
    { value: pack('{not json'), alert: /could not be loaded \(\(the scenario\): not valid JSON/ },
    { value: pack('[1,2,3]'), alert: /could not be loaded \(\(the scenario\): expected an object/ },
    {
      value: pack(JSON.stringify({ ...happy, primary: { ...happy.primary, systemId: '' } })),
      alert: /could not be loaded \(primary\.systemId: expected a non-empty system id/,
    },
    // a future file version
    {
      value: pack(JSON.stringify({ ...happy, version: 2 })),
      alert: /could not be loaded \(version: expected 1/,
    },
  ],
  compare: [
    { value: '10.1.4.3.3', alert: /needs two procedures separated by a comma/ },
    { value: 'x,y', alert: /Unknown procedures "x" and "y" in compare/ },
    { value: '10.1.4.3.3,10.1.4.3.3', alert: /names the same procedure twice/ },
    { value: `${XSS},10.1.4.3.3`, alert: /Unknown procedure "<img src=x/ },
  ],
  mode: [
    { value: 'bogus', alert: /Unknown mode "bogus"/ },
    { value: XSS, alert: /Unknown mode "<img/ },
  ],
};

// Page k carries the k-th bad value of every parameter that has one: every bad value is tried, on five pages.
const PAGES = Array.from({ length: Math.max(...Object.values(BAD).map((v) => v.length)) }, (_, k) =>
  (Object.keys(BAD) as Param[]).flatMap((param) => {
    const bad = BAD[param][k];
    return bad ? [{ param, ...bad }] : [];
  }),
);

for (const [k, bads] of PAGES.entries()) {
  test(`bad address ${k + 1} (${bads.map((b) => b.param).join(', ')}): an alert each, and the player works`, async ({
    editor,
    player,
  }) => {
    const query = new URLSearchParams(bads.map((b) => [b.param, b.value])).toString();
    await player.open(`?${query}`);
    for (const bad of bads) {
      await expect(player.alerts.filter({ hasText: bad.alert }), `${bad.param}=${bad.value}`).toHaveCount(1);
    }
    await expect(player.alerts).toHaveCount(bads.length);
    // the player is shown (not a comparison, not a quiz) with the default scenario, at step 0
    await expect(player.button('Next step')).toBeVisible();
    await expect(editor.field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
    await player.expectStep(0);
    await stillWorks(player);
  });
}

// Scenarios that once blanked the page. Each in the fragment (what Copy link writes) and in the query, on
// one page (the scenario encoded once: the 3 MB title takes seconds to pack).
for (const hostile of HOSTILE_SCENARIOS) {
  test(`a scenario in the address with ${hostile.name}: an alert, and the player works (fragment, query)`, async ({
    editor,
    page,
    player,
  }) => {
    const json = hostile.json();
    for (const form of ['fragment', 'query'] as const) {
      await test.step(form, async () => {
        await player.open(scenarioAddress({ json, procedure: '10.1.4.3.3', step: 2, form }));
        await expect(player.alerts).toHaveCount(1);
        const alert = (await player.alerts.textContent()) ?? '';
        expect(alert).toMatch(
          /^The scenario in the address could not be loaded \(.+\); the current scenario is shown\./,
        );
        expect(alert.slice(alert.indexOf('(') + 1)).toMatch(hostile.reason);
        // one line, however long the input
        expect(alert.length).toBeLessThan(400);
        await expect(editor.field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
        await player.expectStep(2);
        await stillWorks(player);
        // the bad scenario is out of the address, the rest stays
        expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
        expect(new URL(page.url()).hash).toBe('');
      });
    }
  });
}

test('a bad scenario in the fragment wins over a good one in the query: an alert, the default shown', async ({
  editor,
  player,
}) => {
  const good = scenarioAddress({ scenario: preset('validation-refused'), form: 'query' });
  await player.open(`${good}#scenario=%25%25garbage`);
  await expect(player.alerts).toHaveCount(1);
  await expect(player.alerts).toContainText('The scenario in the address could not be loaded');
  await expect(editor.field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
  await stillWorks(player);
});

const STORED: { name: string; value: string; notice: RegExp }[] = [
  { name: 'not JSON', value: 'this is not JSON {', notice: /saved session could not be read/ },
  { name: 'truncated JSON', value: '{"state": {"scenario": {"format"', notice: /could not be read/ },
  { name: 'JSON null', value: 'null', notice: /saved session could not be read/ },
  { name: 'a JSON list', value: '[1, 2, 3]', notice: /saved session could not be read/ },
  { name: 'an object without state', value: '{"foo": 1}', notice: /saved session could not be read/ },
  {
    name: 'state not an object',
    value: '{"state": 5, "version": 2}',
    notice: /saved session could not be read/,
  },
  {
    name: 'scenario of the wrong shape',
    value: JSON.stringify({ state: { scenario: 'a scenario', notes: 7 }, version: 2 }),
    notice: /saved scenario could not be read \(\(the scenario\): expected an object/,
  },
  {
    name: 'a scenario with a bad field',
    value: JSON.stringify({
      state: { scenario: { ...happy, ue: { configuredBy: XSS } }, notes: {} },
      version: 2,
    }),
    notice:
      /saved scenario could not be read \(ue\.configuredBy: expected "primary" or "partner", got "<img src=x/,
  },
  {
    name: 'a scenario file of a future version',
    value: JSON.stringify({ state: { scenario: { ...happy, version: 2 }, notes: {} }, version: 2 }),
    notice: /saved scenario could not be read \(version: expected 1/,
  },
  {
    name: 'a session of a future storage version',
    value: JSON.stringify({
      state: { scenario: { ...happy, title: 'From the future' }, notes: {} },
      version: 99,
    }),
    notice: /saved session .* newer version/,
  },
];

for (const stored of STORED) {
  test(`corrupted storage (${stored.name}): a notice and the default scenario`, async ({
    editor,
    player,
    page,
  }) => {
    await page.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
      key: KEY,
      value: stored.value,
    });
    await player.open();
    await expect(player.alerts).toHaveCount(1);
    await expect(player.alerts).toContainText(stored.notice);
    await expect(editor.field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
    await expect(editor.change('priority')).toHaveText('priority: 7 → 3 rule maxPriority');
    await stillWorks(player);
    // and what is saved now is a session this version reads
    const saved = await page.evaluate((key) => localStorage.getItem(key), KEY);
    expect(JSON.parse(saved ?? 'null')).toMatchObject({
      version: 3,
      state: { scenario: { title: DEFAULT_TITLE } },
    });
    // while what could not be read is kept aside as it was, until the user chooses
    const kept = await page.evaluate((key) => localStorage.getItem(`${key}.unreadable`), KEY);
    expect(kept).toBe(stored.value);
    await expect(player.alerts.getByRole('button', { name: 'Download it' })).toBeVisible();
    await expect(player.alerts.getByRole('button', { name: 'Discard it' })).toBeVisible();
  });
}
