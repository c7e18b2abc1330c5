import { readFile } from 'node:fs/promises';
import { PRESETS } from '../src/core/model/presets';
import { expect, scenarioAddress, test } from './fixtures';

test('a review note is kept across reloads, shown in the step list and exported in the walkthrough', async ({
  player,
  page,
}) => {
  // given step 3 of 10.1.4.3.3
  await player.open('?procedure=10.1.4.3.3&step=3');
  const note = page.getByLabel('Review note for step 3', { exact: true });
  await expect(note).toHaveValue('');

  // when writing a note (with Markdown-like characters), and one on the clause as a whole
  await note.fill('Does the UDB learn the partner *from* the request?');
  await player.button('Restart').click();
  await page.getByLabel('Review note for step 0', { exact: true }).fill('Overall: compare with the draft.');
  // the address follows the player a moment after the step (writes are coalesced): reload once it says step 0
  await expect(page).toHaveURL(/[?&]step=0(&|#|$)/);
  await page.reload();

  // then both are back after the reload
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
  await expect(page.getByLabel('Review note for step 0', { exact: true })).toHaveValue(
    'Overall: compare with the draft.',
  );
  await player.clickItem(3);
  await player.expectStep(3, 11);
  await expect(page.getByLabel('Review note for step 3', { exact: true })).toHaveValue(
    'Does the UDB learn the partner *from* the request?',
  );
  // the step list shows which steps have one
  await expect(player.items.nth(2)).toContainText('Review note');
  await expect(player.items.nth(2)).toContainText('Does the UDB learn the partner');
  await expect(player.steps.getByText('Review note', { exact: true })).toHaveCount(1);
  // notes belong to their procedure
  await player.pickProcedure('10.1.4.3.2');
  await expect(player.steps.getByText('Review note', { exact: true })).toHaveCount(0);
  await player.pickProcedure('10.1.4.3.3');

  // and the walkthrough carries them
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download walkthrough (Markdown)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('10.1.4.3.3-walkthrough.md');
  const markdown = await readFile((await download.path())!, 'utf8');
  const step3 = markdown.slice(markdown.indexOf('### 3. '), markdown.indexOf('### 4. '));
  expect(step3).toContain('**Review note:** Does the UDB learn the partner \\*from\\* the request?');
  expect(markdown.slice(0, markdown.indexOf('## Steps'))).toContain(
    '**Review note:** Overall: compare with the draft.',
  );

  // an emptied note is gone
  await page.getByLabel('Review note for step 0', { exact: true }).fill('');
  await player.clickItem(3);
  await page.getByLabel('Review note for step 3', { exact: true }).fill('');
  await expect(player.steps.getByText('Review note', { exact: true })).toHaveCount(0);
});

test('a session saved before review notes existed keeps its scenario', async ({ page, player }) => {
  const scenario = { ...PRESETS[0]!.scenario, title: 'Saved in version 1' };
  await page.addInitScript(
    (value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('mcx-migration-simulator', value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    JSON.stringify({ state: { scenario }, version: 1 }),
  );
  await player.open();
  await expect(player.alerts).toHaveCount(0);
  const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('mcx-migration-simulator')))!);
  expect(saved.version).toBe(3);
  expect(saved.state.scenario.title).toBe('Saved in version 1');
  expect(saved.state.notes).toEqual({});
  expect(saved.state.replaced).toBeNull();
  await page.getByLabel('Review note for step 0', { exact: true }).fill('kept');
  await page.reload();
  await expect(page.getByLabel('Review note for step 0', { exact: true })).toHaveValue('kept');
  const again = JSON.parse((await page.evaluate(() => localStorage.getItem('mcx-migration-simulator')))!);
  expect(again.state.scenario.title).toBe('Saved in version 1');
});

test('narration: the clause text, the plain words and the spec notes of the current step', async ({
  player,
  page,
}) => {
  const current = page.getByRole('region', { name: 'Current step', exact: true });
  // before step 1: the procedure as a whole, with its spec note
  await player.open('?procedure=10.1.4.3.3');
  await expect(current).toContainText('Before step 1: 10.1.4.3.3');
  await expect(current.getByRole('note', { name: /^Spec note: No check by the primary/ })).toBeVisible();
  await expect(current).toContainText('Preconditions');

  // a step: the clause's words, a plain explanation, and its notes
  await player.clickItem(8);
  await expect(current).toContainText('8. partner-udb (own action)');
  await expect(current.locator('blockquote')).toContainText(
    'modifies the MC service user profile according to',
  );
  await expect(current).toContainText('TS 23.280 clause 10.1.4.3.3, step 8');
  await expect(
    current.getByRole('heading', { name: "In plain words (the simulator's explanation)" }),
  ).toBeVisible();
  await expect(current).toContainText('modifies the profile by its policies');

  await player.clickItem(2);
  await expect(current.getByRole('note', { name: /^Spec note: The draft's extra hop/ })).toBeVisible();
  await expect(current.getByRole('note', { name: /^Spec note: How does the primary learn/ })).toBeVisible();
});

test('an assumption step is labelled "Simulator assumption" beside its text', async ({ player, page }) => {
  const scenario = PRESETS.find((p) => p.id === 'no-migration-profile')!.scenario;
  await player.open(scenarioAddress({ procedure: '10.1.4.3.3', step: 5, scenario }));
  const current = page.getByRole('region', { name: 'Current step', exact: true });
  await expect(current).toContainText('Simulator assumption');
  await expect(current).toContainText('Error');
  await expect(current).toContainText('Simulator assumption: the clause is silent here');
  await expect(current).toContainText('The clause does not say what happens here');
});
