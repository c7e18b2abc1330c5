/**
 * The layout at four sizes (issue 12), phone to projector: the page never scrolls sideways, the main regions
 * (controls, diagram, step list, current step, editor) never overlap, and every button is drawn where it can be
 * clicked (the element at its centre, once scrolled into view, is the button or inside it).
 */
import type { Page } from '@playwright/test';
import { expect, preset, scenarioAddress, test } from './fixtures';

const SIZES = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The main regions' boxes in page coordinates (one layout read for all of them). */
async function regions(page: Page): Promise<Box[]> {
  const handles = {
    controls: page.getByRole('group', { name: 'Player controls', exact: true }),
    diagram: page.getByRole('figure', { name: 'Sequence diagram', exact: true }),
    steps: page.getByRole('region', { name: 'Steps', exact: true }),
    'current step': page.getByRole('region', { name: 'Current step', exact: true }),
    editor: page.getByRole('complementary', { name: 'Scenario editor' }),
  };
  const boxes: Box[] = [];
  for (const [name, locator] of Object.entries(handles)) {
    await expect(locator, name).toBeVisible();
    boxes.push(
      await locator.evaluate((el, name) => {
        const r = el.getBoundingClientRect();
        return {
          name,
          left: r.left + scrollX,
          top: r.top + scrollY,
          right: r.right + scrollX,
          bottom: r.bottom + scrollY,
        };
      }, name),
    );
  }
  return boxes;
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** The buttons whose centre, once scrolled into view, hits something else (named by their accessible text). */
function unreachableButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const missed: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('button, label.btn')) {
      if (!button.checkVisibility()) continue;
      button.scrollIntoView({ block: 'center', inline: 'center' });
      const r = button.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !button.contains(hit)) {
        const name = button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '?';
        const over = hit ? `${hit.tagName.toLowerCase()}.${String(hit.className)}` : 'nothing';
        missed.push(`${name} (under ${over})`);
      }
    }
    window.scrollTo(0, 0);
    return missed;
  });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

for (const size of SIZES) {
  test.describe(`${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('player: no sideways scroll, no overlap, every button clickable', async ({
      player,
      page,
      editor,
    }) => {
      await player.open('?procedure=10.1.4.3.2&step=7');
      await expect(editor.aside.getByRole('button', { name: 'Undo' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      const boxes = await regions(page);
      const overlaps: string[] = [];
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) if (overlap(a, b)) overlaps.push(`${a.name} × ${b.name}`);
      expect(overlaps, JSON.stringify(boxes)).toEqual([]);
      expect(await unreachableButtons(page)).toEqual([]);
      // and the buttons do what they say where they are drawn
      await player.button('Next step').click();
      await player.expectStep(8, 14);
      await expectNoSidewaysScroll(page);
    });

    test('a refused run and the review toolbar: no sideways scroll, every button clickable', async ({
      player,
      page,
    }) => {
      await player.open(
        scenarioAddress({ procedure: '10.1.4.3.2', step: 12, scenario: preset('validation-refused') }),
      );
      await player.expectStep(12, 12, '11a');
      await expect(page.getByRole('region', { name: 'Resulting profile' })).toContainText(
        /refused|rejected/i,
      );
      await expectNoSidewaysScroll(page);
      expect(await unreachableButtons(page)).toEqual([]);
    });

    test('quiz and comparison: no sideways scroll', async ({ page }) => {
      await page.goto('./?mode=quiz&procedure=10.1.4.3.3&step=0');
      await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      expect(await unreachableButtons(page)).toEqual([]);
      await page.goto('./?compare=10.1.4.x.2,10.1.4.3.3');
      await expect(page.getByRole('figure', { name: 'Sequence diagram: 10.1.4.3.3' })).toBeVisible();
      await expect(page.getByRole('table').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      expect(await unreachableButtons(page)).toEqual([]);
    });
  });
}
