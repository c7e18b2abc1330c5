import {
  DEFAULT_TITLE,
  EditorPage,
  STORAGE_KEY as KEY,
  expect,
  freshPage,
  preset,
  scenarioAddress,
  test,
} from './fixtures';

/** An edit whose effect shows in the Resulting profile: maxPriority 1 and a new title. */
async function edit(editor: EditorPage): Promise<void> {
  await editor.set('User and UE', 'Title', 'Night shift: Metro to County');
  await editor.set('Local policy', 'Maximum priority (maxPriority)', '1');
  await expect(editor.change('priority')).toHaveText('priority: 7 → 1 rule maxPriority');
}

test('the scenario survives a reload, with and without the address', async ({ editor, page, player }) => {
  await player.open();
  await edit(editor);
  await page.reload();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  // from storage alone: the page opened without any query
  await player.open();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  await expect(editor.change('priority')).toHaveText('priority: 7 → 1 rule maxPriority');
  await expect(player.alerts).toHaveCount(0);
});

test('a UE configured by the primary survives a reload of the bare address, on 10.1.4.3.2', async ({
  editor,
  page,
  player,
}) => {
  await player.open();
  const configuredBy = editor.field('User and UE', 'UE configured by');
  await configuredBy.selectOption('primary');
  await expect(page.getByLabel('Procedure')).toHaveValue('10.1.4.3.2');
  // the address names no procedure: the saved scenario decides it, and nothing is rewritten or to undo
  await player.open();
  await expect(configuredBy).toHaveValue('primary');
  await expect(page.getByLabel('Procedure')).toHaveValue('10.1.4.3.2');
  await expect(editor.button('Undo')).toBeDisabled();
});

test('unreadable storage: a notice and the default scenario, and the page works', async ({
  editor,
  page,
  player,
}) => {
  await page.addInitScript((key) => localStorage.setItem(key, '{"state": {"scenario": '), KEY);
  await player.open();
  await expect(player.alerts).toHaveCount(1);
  await expect(player.alerts).toContainText('could not be read');
  await expect(editor.field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
  await expect(editor.change('priority')).toHaveText('priority: 7 → 3 rule maxPriority');
  await player.button('Next step').click();
  await player.expectStep(1, 11);
});

test('a stored scenario that breaks the schema: a notice naming the path, and the default', async ({
  editor,
  page,
  player,
}) => {
  const broken = { state: { scenario: { format: 'mcx-migration-scenario', version: 1 } }, version: 1 };
  await page.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
    key: KEY,
    value: JSON.stringify(broken),
  });
  await player.open();
  await expect(player.alerts).toContainText('user: expected an object, got nothing');
  await expect(editor.field('User and UE', 'Title')).toHaveValue(DEFAULT_TITLE);
});

test('copy link (clipboard) opens the same scenario in a fresh browser', async ({
  editor,
  page,
  player,
  context,
  browser,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await player.open();
  await edit(editor);
  await player.button('Next step').click();
  await player.button('Next step').click();
  await editor.button('Copy link').click();
  await expect(editor.aside.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // the scenario in the fragment, which no server sees
  expect(link).toMatch(/\?procedure=10\.1\.4\.3\.3&step=2#scenario=[\w$+-]+$/);
  const expected = (await editor.result.textContent()) ?? '';

  const fresh = await freshPage(browser, baseURL);
  await fresh.page.goto(link);
  const other = new EditorPage(fresh.page);
  await expect(other.result).toHaveText(expected);
  await expect(other.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  await expect(fresh.page.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]')).toHaveText(
    /^2\. /,
  );
  expect(fresh.errors).toEqual([]);
  await fresh.page.context().close();
});

test('copy link without a clipboard shows the link in a field', async ({
  editor,
  page,
  player,
  browser,
  baseURL,
}) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await player.open();
  await edit(editor);
  await editor.button('Copy link').click();
  const field = editor.aside.getByLabel(/^Link to this scenario/);
  await expect(field).toBeVisible();
  const link = await field.inputValue();
  expect(link).toMatch(/\?procedure=10\.1\.4\.3\.3&step=0#scenario=/);

  const fresh = await freshPage(browser, baseURL);
  await fresh.page.goto(link);
  await expect(new EditorPage(fresh.page).result).toHaveText((await editor.result.textContent()) ?? '');
  expect(fresh.errors).toEqual([]);
  await fresh.page.context().close();
});

test('import refuses a broken file, naming the path, and keeps the scenario', async ({
  editor,
  page,
  player,
}) => {
  await player.open();
  await edit(editor);
  const shown = await editor.result.textContent();
  const scenario = JSON.parse(await page.evaluate((key) => localStorage.getItem(key) ?? '', KEY)).state
    .scenario;
  scenario.primary.profiles[1].priority = 'high';
  await editor.importScenario({ name: 'broken.json', text: JSON.stringify(scenario) });
  await expect(player.alerts).toContainText(
    'primary.profiles[1].priority: expected an integer 0..255, got "high"',
  );
  await expect(player.alerts).toContainText('broken.json');
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  await expect(editor.result).toHaveText(shown ?? '');

  await editor.importScenario({ name: 'notes.json', text: '{ nope' });
  await expect(player.alerts.last()).toContainText('not valid JSON');
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
});

test('export downloads the scenario, and import reads it back', async ({ editor, page, player }) => {
  await player.open();
  await edit(editor);
  const downloading = page.waitForEvent('download');
  await editor.button('Export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('night-shift-metro-to-county.json');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('\n  "format": "mcx-migration-scenario",');
  expect(JSON.parse(text)).toMatchObject({
    title: 'Night shift: Metro to County',
    partner: { policy: { maxPriority: 1 } },
  });

  await editor.aside.getByLabel('Preset').selectOption({ label: 'Non-migrated user' });
  await editor.button('Load preset').click();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Officer at home in Metro');
  await editor.importScenario(path);
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  await expect(editor.aside.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expect(player.alerts).toHaveCount(0);
});

test('a link opened over my own work: Undo and Restore bring it back, also after a reload', async ({
  editor,
  page,
  player,
}) => {
  await player.open();
  await edit(editor);
  const linked = preset('validation-refused');
  // a link pasted in the same tab: only the fragment differs, and the browser does not reload for it
  await page.goto(`./${scenarioAddress({ procedure: '10.1.4.3.3', step: 0, scenario: linked })}`);
  await expect(editor.field('User and UE', 'Title')).toHaveValue(linked.title!);
  const notice = page.getByRole('status').filter({ hasText: 'Opened the scenario from the link' });
  await expect(notice).toHaveText(new RegExp(`Opened the scenario from the link \\(“${linked.title}”\\)`));
  await expect(player.alerts).toHaveCount(0);
  // Undo
  await editor.button('Undo').click();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  await editor.button('Redo').click();
  await expect(editor.field('User and UE', 'Title')).toHaveValue(linked.title!);
  // Restore, after a reload
  await page.reload();
  await expect(editor.field('User and UE', 'Title')).toHaveValue(linked.title!);
  await notice.getByRole('button', { name: 'Restore' }).click();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  await expect(editor.change('priority')).toHaveText('priority: 7 → 1 rule maxPriority');
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Night shift: Metro to County');
  await expect(notice).toHaveCount(0);
});

test('the first form (?scenario=) still opens, and the page moves the scenario into the fragment', async ({
  editor,
  page,
  player,
}) => {
  const linked = preset('validation-refused');
  await player.open(scenarioAddress({ scenario: linked, form: 'query' }));
  await expect(editor.field('User and UE', 'Title')).toHaveValue(linked.title!);
  await expect(player.alerts).toHaveCount(0);
  await expect(page).toHaveURL(/\?procedure=10\.1\.4\.3\.2&step=0#scenario=[\w$+-]+$/);
  // and both forms: the fragment wins
  const other = preset('no-migration-profile');
  await player.open(
    `${scenarioAddress({ scenario: linked, form: 'query' })}${scenarioAddress({ scenario: other })}`,
  );
  await expect(editor.field('User and UE', 'Title')).toHaveValue(other.title!);
  expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
});
