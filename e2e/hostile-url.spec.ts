/**
 * Bad addresses and corrupted saved sessions: each gives a message (role="alert") and a working page with the
 * default, never a crash, never a console error, and nothing of the bad value runs.
 */
// lz-string is CommonJS: Node's ESM loader sees only its default export.
import lzString from 'lz-string';
import { PRESETS } from '../src/core/presets';
import { EditorPage } from './editor-page';
import { expect, test, type PlayerPage } from './fixtures';
import { expectDiagram, expectNotPwned } from './hostile';

const KEY = 'mcx-migration-simulator';
const DEFAULT_TITLE = 'Officer migrates from Metro to County';
const happy = PRESETS.find((p) => p.id === 'happy-path')!.scenario;
const pack = (text: string) => lzString.compressToEncodedURIComponent(text);
const XSS = '<img src=x onerror="window.__pwned=1">';

/** The player is there and steps: Next step moves on by one. */
async function stillWorks(player: PlayerPage): Promise<void> {
  await expectDiagram(player);
  const before = Number(new URL(player.page.url()).searchParams.get('step') ?? 0);
  await player.button('Next step').click();
  await player.expectStep(before + 1);
  await expectNotPwned(player.page);
}

const ADDRESSES: { name: string; query: string; alert: RegExp }[] = [
  { name: 'unknown procedure', query: '?procedure=nope', alert: /Unknown procedure "nope"/ },
  {
    name: 'markup as procedure',
    query: `?procedure=${encodeURIComponent(XSS)}`,
    alert: /Unknown procedure "<img src=x onerror=\\"window\.__pwned=1\\">"/,
  },
  {
    name: 'step not a number',
    query: '?procedure=10.1.4.3.3&step=abc',
    alert: /Step "abc" .* not a whole number/,
  },
  { name: 'step negative', query: '?procedure=10.1.4.3.3&step=-1', alert: /Step "-1" .* not a whole number/ },
  {
    name: 'step out of range',
    query: '?procedure=10.1.4.3.3&step=99999',
    alert: /Step 99999 .* out of range/,
  },
  { name: 'step in exponent form', query: '?procedure=10.1.4.3.3&step=1e3', alert: /Step "1e3"/ },
  {
    name: 'scenario garbage',
    query: '?scenario=%E2%9C%93garbage!!',
    alert: /scenario in the address could not be loaded/,
  },
  {
    name: 'scenario: lz-string of text that is not JSON',
    query: `?scenario=${pack('{not json')}`,
    alert: /could not be loaded \(it does not decompress to JSON\)/,
  },
  {
    name: 'scenario: lz-string of JSON that is no scenario',
    query: `?scenario=${pack('[1,2,3]')}`,
    alert: /could not be loaded \(\(the scenario\): expected an object/,
  },
  {
    name: 'scenario: lz-string of a scenario with a bad field',
    query: `?scenario=${pack(JSON.stringify({ ...happy, primary: { ...happy.primary, systemId: '' } }))}`,
    alert: /could not be loaded \(primary\.systemId: expected a non-empty system id/,
  },
  {
    name: 'scenario: a future file version',
    query: `?scenario=${pack(JSON.stringify({ ...happy, version: 2 }))}`,
    alert: /could not be loaded \(version: expected 1/,
  },
  {
    name: 'compare: one procedure',
    query: '?compare=10.1.4.3.3',
    alert: /needs two procedures separated by a comma/,
  },
  { name: 'compare: unknown ids', query: '?compare=x,y', alert: /Unknown procedures "x" and "y" in compare/ },
  {
    name: 'compare: the same twice',
    query: '?compare=10.1.4.3.3,10.1.4.3.3',
    alert: /names the same procedure twice/,
  },
  {
    name: 'compare: markup',
    query: `?compare=${encodeURIComponent(`${XSS},10.1.4.3.3`)}`,
    alert: /Unknown procedure "<img src=x/,
  },
  { name: 'mode unknown', query: '?mode=bogus', alert: /Unknown mode "bogus"/ },
  { name: 'mode markup', query: `?mode=${encodeURIComponent(XSS)}`, alert: /Unknown mode "<img/ },
];

for (const bad of ADDRESSES) {
  test(`bad address (${bad.name}): an alert, and the player works`, async ({ player, page }) => {
    await player.open(bad.query);
    await expect(player.alerts.filter({ hasText: bad.alert })).toHaveCount(1);
    // the player is shown (not a comparison, not a quiz) with the default scenario
    await expect(player.button('Next step')).toBeVisible();
    await expect(new EditorPage(page).field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
    await stillWorks(player);
  });
}

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
  test(`corrupted storage (${stored.name}): a notice and the default scenario`, async ({ player, page }) => {
    await page.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
      key: KEY,
      value: stored.value,
    });
    await player.open();
    await expect(player.alerts).toHaveCount(1);
    await expect(player.alerts).toContainText(stored.notice);
    await expect(new EditorPage(page).field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
    await expect(new EditorPage(page).change('priority')).toHaveText('priority: 7 → 3 rule maxPriority');
    await stillWorks(player);
    // and what is saved now is a session this version reads
    const saved = await page.evaluate((key) => localStorage.getItem(key), KEY);
    expect(JSON.parse(saved ?? 'null')).toMatchObject({
      version: 2,
      state: { scenario: { title: DEFAULT_TITLE } },
    });
  });
}
