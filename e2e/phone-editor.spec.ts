import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';

const POLICY = 'Local policy';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

for (const scheme of ['light', 'dark'] as const) {
  test(`a phone's editor, ${scheme}: a drawer from the top of the page, an edit's effect in its summary in sight, Esc closes it`, async ({
    player,
    page,
    editor,
  }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    await player.open();
    const toggle = page.getByRole('button', { name: 'Scenario editor', exact: true });
    // at the top of the page, not 5,000 px down it
    await expect(toggle).toBeInViewport();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(editor.aside).toBeHidden();

    // when opened
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const id = await toggle.getAttribute('aria-controls');
    await expect(editor.aside).toHaveAttribute('id', id!);
    await expect(editor.aside).toBeVisible();
    await expect(editor.aside.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
    const summary = editor.aside.getByRole('status', { name: 'Result summary' });
    await expect(summary).toBeInViewport({ ratio: 1 });
    await expect(summary).toContainText('delivered');
    await expect(summary).toContainText('6 changes by the partner’s policy');
    await expectAccessible(page, info, 'phone editor drawer');

    // an edit far down the form: its effect in the summary, both in sight without scrolling the page
    const field = editor.field(POLICY, 'Apply rule maxPriority');
    await field.setChecked(false);
    await expect(field).toBeInViewport();
    await expect(summary).toContainText('5 changes by the partner’s policy');
    await expect(summary).toBeInViewport({ ratio: 1 });
    const [s, f] = await Promise.all([summary.boundingBox(), field.boundingBox()]);
    expect(s!.y + s!.height).toBeLessThanOrEqual(f!.y);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // Esc closes it and gives the focus back
    await page.keyboard.press('Escape');
    await expect(editor.aside).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
  });
}

test('at 1400×900 the editor is beside the player: no drawer button, no summary', async ({
  player,
  page,
  editor,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await player.open();
  await expect(editor.aside).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scenario editor', exact: true })).toBeHidden();
  await expect(page.getByRole('status', { name: 'Result summary' })).toBeHidden();
  await expect(editor.result).toBeVisible();
});
