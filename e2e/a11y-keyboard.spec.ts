/**
 * Keyboard only: a whole procedure walked with Tab, Enter, Space and the arrow keys, and the editor edited with
 * Tab, typing and a preset loaded, every focused control showing where the focus is (an outline or a box shadow).
 */
import type { Page } from '@playwright/test';
import { expect, test, type PlayerPage } from './fixtures';

interface Focused {
  /** A short description of the focused element, for the messages. */
  what: string;
  name: string;
  tag: string;
  /** Whether it (or, for a visually hidden file input, its label button) shows a focus indicator. */
  visible: boolean;
}

/** The focused element and whether its focus shows: an outline that is drawn, or a box shadow. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', name: '', tag: 'BODY', visible: false };
    const shows = (e: Element) => {
      const cs = getComputedStyle(e);
      const outline =
        cs.outlineStyle !== 'none' &&
        parseFloat(cs.outlineWidth) > 0 &&
        !/rgba\(.*,\s*0\)$|transparent/.test(cs.outlineColor);
      return outline || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    };
    // A visually hidden file input is shown by the label beside it.
    const shown = el instanceof HTMLInputElement && el.type === 'file' ? el.nextElementSibling : el;
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent ??
      '';
    const name = label.replace(/\s+/g, ' ').trim().slice(0, 60);
    return {
      what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${name}"`,
      name,
      tag: el.tagName,
      visible: !!shown && shows(shown),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `wanted` holds of the focused element; every element on the way shows focus. */
async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  { back = false, max = 250 } = {},
): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    expect(f.visible, `the focus shows on ${f.what}`).toBe(true);
    if (wanted(f)) return f;
  }
  throw new Error(`not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

async function expectFocusVisible(page: Page): Promise<void> {
  const f = await focused(page);
  expect(f.visible, `the focus shows on ${f.what}`).toBe(true);
}

const named = (name: string) => (f: Focused) => f.name === name;

async function openByKeyboard(player: PlayerPage, query: string): Promise<void> {
  await player.page.goto(`./${query}`);
  await expect(player.svg.locator('[data-step]').first()).toBeAttached();
  // the editor comes after the first diagram: Tab walks the whole page once it is there
  await expect(player.page.getByRole('region', { name: 'Resulting profile' })).toBeVisible();
}

test('a whole procedure with the keyboard alone', async ({ page, player }) => {
  await openByKeyboard(player, '?procedure=10.1.4.3.3&step=0');
  const total = 11;
  await player.expectStep(0, total);

  // Tab from the top of the page to Next step: each control on the way shows the focus
  await tabTo(page, named('Next step'));
  // Enter and Space press the focused button, one step each
  await page.keyboard.press('Enter');
  await player.expectStep(1, total);
  await page.keyboard.press(' ');
  await player.expectStep(2, total);
  await expect(player.button('Play')).toBeVisible();
  // the arrow keys step the player (the focus stays on Next step, still showing)
  for (let n = 3; n <= 6; n++) {
    await page.keyboard.press('ArrowRight');
    await player.expectStep(n, total);
  }
  await expectFocusVisible(page);
  await page.keyboard.press('ArrowLeft');
  await player.expectStep(5, total);
  // Enter to the end
  for (let n = 6; n <= total; n++) {
    await page.keyboard.press('Enter');
    await player.expectStep(n, total);
  }
  // at the end, Next step does nothing, and keeps the focus
  await page.keyboard.press('Enter');
  await player.expectStep(total, total);
  await expect(player.button('Next step')).toBeFocused();

  // back to Previous step by Shift+Tab
  await tabTo(page, named('Previous step'), { back: true });
  await page.keyboard.press('Enter');
  await player.expectStep(total - 1, total);

  // a step of the list, by Tab and Enter
  await tabTo(page, (f) => f.name.startsWith('3. '));
  await page.keyboard.press('Enter');
  await player.expectStep(3, total);

  // Home restarts
  await page.keyboard.press('Home');
  await player.expectStep(0, total);
});

test('the editor with the keyboard alone: a field typed, a preset loaded', async ({
  editor,
  page,
  player,
}) => {
  await openByKeyboard(player, '?procedure=10.1.4.3.3&step=0');
  await expect(editor.resulting('priority')).toHaveText(/^after: 3 rule maxPriority$/);

  // Tab to the maximum priority of the partner's policy and type a new one
  await tabTo(page, named('Maximum priority (maxPriority)'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1');
  await expect(editor.resulting('priority')).toHaveText(/^after: 1 rule maxPriority$/);
  await expect(editor.change('priority')).toHaveText('priority: 7 → 1 rule maxPriority');
  // an invalid value (invalid from its first key): shown at the field, not applied, the focus still showing
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('high');
  const field = editor.field('Local policy', 'Maximum priority (maxPriority)');
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.change('priority')).toHaveText('priority: 7 → 1 rule maxPriority');
  await expectFocusVisible(page);

  // Shift+Tab back to the preset select, choose "Validation refused" with the arrows, Tab to Load preset, Enter
  await tabTo(page, named('Preset'), { back: true });
  const preset = editor.aside.getByLabel('Preset', { exact: true });
  await expect(preset).toHaveValue('happy-path');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(preset).toHaveValue('validation-refused');
  await tabTo(page, named('Load preset'));
  await page.keyboard.press('Enter');
  // the primary configures the UE and refuses the partner's changes: 12 steps, the error in the result
  await expect(page.getByLabel('Procedure')).toHaveValue('10.1.4.3.2');
  await expect(player.items).toHaveCount(12);
  await expect(editor.result).toContainText(/refused|rejected/i);
  await expect(editor.field('Local policy', 'Maximum priority (maxPriority)')).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Load preset' })).toBeFocused();

  // and Ctrl+Z (outside a text field) undoes the load
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(editor.field('Local policy', 'Maximum priority (maxPriority)')).toHaveValue('1');
  await expect(editor.field('User and UE', 'UE configured by')).toHaveValue('partner');
});

// WCAG 2.2 2.4.11 (focus not obscured): beside the player the Resulting profile stays at the top of the editor while
// the form scrolls under it. Walking the form backwards (each field scrolled into view at the top), no focused field
// may lie under it.
test('Shift+Tab back through the editor: no focused field is hidden under the Resulting profile', async ({
  editor,
  page,
  player,
}) => {
  await player.open('?procedure=10.1.4.3.3&step=0');
  const fields = editor.aside.locator('input:not([type="file"]), textarea, select');
  await expect(editor.result).toBeVisible();
  await fields.last().focus();
  const hidden: string[] = [];
  let walked = 0;
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Shift+Tab');
    const place = await page.evaluate(() => {
      const el = document.activeElement;
      const result = document.querySelector('.app-editor .editor-result');
      if (!el?.closest('.app-editor') || !result || result.contains(el)) return null;
      const field = el.getBoundingClientRect();
      const over = result.getBoundingClientRect();
      return {
        what:
          el.getAttribute('aria-label') ??
          (el instanceof HTMLInputElement ||
          el instanceof HTMLTextAreaElement ||
          el instanceof HTMLSelectElement
            ? el.labels?.[0]?.textContent
            : null) ??
          el.tagName,
        under: field.top >= over.top && field.bottom <= over.bottom,
      };
    });
    if (!place) continue;
    walked += 1;
    if (place.under) hidden.push(place.what);
  }
  // the walk went through most of the form, which is longer than the space below the profile
  expect(walked).toBeGreaterThan(40);
  expect(hidden, 'fields focused entirely under the Resulting profile').toEqual([]);
});
