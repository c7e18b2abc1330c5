import { expect, test } from './fixtures';

const POLICY = 'Local policy';

test.describe('each policy field changes the resulting profile, naming its rule', () => {
  test.beforeEach(async ({ player }) => {
    await player.open();
  });

  test('maxPriority', async ({ editor, player }) => {
    await expect(editor.change('priority')).toHaveText('priority: 7 → 3 rule maxPriority');
    await editor.set(POLICY, 'Maximum priority (maxPriority)', '1');
    await expect(editor.resulting('priority')).toHaveText(/^after: 1 rule maxPriority$/);
    await expect(editor.change('priority')).toHaveText('priority: 7 → 1 rule maxPriority');
    // the run is still delivered: the diagram and the steps are the 11 of 10.1.4.3.3
    await expect(player.items).toHaveCount(11);
    await expect(player.svg.locator('[data-step="11"]').first()).toBeAttached();
    // switched off, the rule is absent and the priority kept
    await editor.rule('maxPriority', false);
    await expect(editor.change('priority')).toHaveCount(0);
    await expect(editor.resulting('priority')).toHaveText('7');
  });

  test('areas', async ({ editor }) => {
    await editor.set(POLICY, 'Service areas (areas, one a line)', 'harbour');
    await expect(editor.resulting('areas')).toHaveText('harbour');
    await expect(editor.change('areas')).toHaveText('areas: −downtown, −county-north rule areas');
    await editor.rule('areas', false);
    await expect(editor.change('areas')).toHaveCount(0);
    await expect(editor.resulting('areas')).toHaveText('downtownharbourcounty-north');
  });

  test('groups.allow and groups.add', async ({ editor }) => {
    await editor.set(POLICY, 'Allowed groups (groups.allow, one URI a line)', 'sip:k9@metro.example');
    await expect(editor.result.getByText('groups: −sip:metro-emergency@metro.example')).toContainText(
      'rule groups.allow',
    );
    await expect(editor.resulting('groups')).toHaveText(
      'sip:k9@metro.exampleadded: sip:mutual-aid@county.example rule groups.add',
    );
    await editor.rule('groups.add', false);
    await expect(editor.resulting('groups')).toHaveText('sip:k9@metro.example');
    await expect(editor.changes).not.toContainText('groups.add');
    await editor.rule('groups.allow', false);
    await expect(editor.change('groups')).toHaveCount(0);
  });

  test('maxAffiliations', async ({ editor }) => {
    await editor.set(POLICY, 'Maximum affiliations (maxAffiliations)', '2');
    await expect(editor.change('maxAffiliations')).toHaveText('maxAffiliations: 12 → 2 rule maxAffiliations');
    // above the profile's own 12: nothing to change
    await editor.set(POLICY, 'Maximum affiliations (maxAffiliations)', '20');
    await expect(editor.change('maxAffiliations')).toHaveCount(0);
    await expect(editor.resulting('maxAffiliations')).toHaveText('12');
  });

  test('privateCall', async ({ editor }) => {
    await expect(editor.change('privateCall')).toContainText('rule privateCall');
    await expect(editor.resulting('privateCall')).toHaveText('(empty list)');
    await editor.field(POLICY, 'Private calls').selectOption('allowed');
    await expect(editor.change('privateCall')).toHaveCount(0);
    await expect(editor.resulting('privateCall')).toHaveText(
      'sip:dispatch@metro.examplesip:sergeant@metro.example',
    );
    await editor.rule('privateCall', false);
    await expect(editor.field(POLICY, 'Private calls')).toBeDisabled();
    await expect(editor.change('privateCall')).toHaveCount(0);
  });

  test('an invalid value is shown at the field and not applied', async ({ editor }) => {
    const field = editor.field(POLICY, 'Maximum priority (maxPriority)');
    await field.fill('300');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/expected an integer 0\.\.255, got 300/);
    await expect(editor.change('priority')).toHaveText('priority: 7 → 3 rule maxPriority');
    await field.fill('4');
    await expect(field).not.toHaveAttribute('aria-invalid');
    await expect(editor.change('priority')).toHaveText('priority: 7 → 4 rule maxPriority');
  });
});

test('the primary configures the UE and refuses a profile below its minimum priority', async ({
  editor,
  page,
  player,
}) => {
  await player.open('?procedure=10.1.4.3.3&step=11');
  await editor.field('User and UE', 'UE configured by').selectOption('primary');
  // the player follows: 10.1.4.3.2, delivered in 14 steps, at the step it was on
  await expect(page.getByLabel('Procedure')).toHaveValue('10.1.4.3.2');
  await expect(player.items).toHaveCount(14);
  await player.expectStep(11, 14);
  await expect(editor.result).toContainText('10.1.4.3.2: delivered');

  await editor.set('Validation rules', 'Minimum priority (minPriority)', '5');
  await expect(editor.result).toContainText(
    'Rejected at step 11a: validation failed: priority 3 is below the minimum of 5',
  );
  await expect(editor.result.getByRole('list', { name: 'Violated rules' })).toHaveText(
    'rule minPriority priority 3 is below the minimum of 5',
  );
  // the diagram and the step list end with the error step
  await expect(player.items).toHaveCount(12);
  await expect(player.items.last()).toHaveText(/^11a\. /);
  await expect(player.svg.locator('[data-step="12"]').first()).toBeAttached();
  await expect(player.svg.locator('[data-step="13"]')).toHaveCount(0);
  await player.button('Next step').click();
  await player.expectStep(12, 12, '11a');
});

test('a preset sets the scenario and the procedure', async ({ editor, page, player }) => {
  await player.open();
  await editor.aside.getByLabel('Preset').selectOption({ label: 'Validation refused' });
  await editor.button('Load preset').click();
  await expect(page.getByLabel('Procedure')).toHaveValue('10.1.4.3.2');
  await expect(editor.field('User and UE', 'Title')).toHaveValue(
    'Primary refuses the partner-modified profile',
  );
  await expect(editor.result).toContainText('Rejected at step 11a');
  await player.expectStep(0, 12);
});

test('undo and redo, by button and by key outside text fields', async ({ editor, page }) => {
  await page.goto('./');
  await editor.set('User and UE', 'Title', 'Changed');
  await editor.button('Undo').click();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Officer migrates from Metro to County');
  await editor.button('Redo').click();
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Changed');
  await editor.button('Undo').focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Changed');
  await page.keyboard.press('Control+Z');
  await expect(editor.field('User and UE', 'Title')).toHaveValue('Officer migrates from Metro to County');
  await expect(editor.button('Undo')).toBeDisabled();
});
